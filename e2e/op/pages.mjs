// HTML pages the provider renders itself (sign-out, errors). Plain markup without the
// defaults' Google-fonts import: the test machine cannot reach it and the browser would
// wait for it.

function escapeHtml(value) {
  return String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function page(title, body) {
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)}</title>
</head>
<body>
  <main>
${body}
  </main>
</body>
</html>`;
}

// RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0 §2/§3). Pliro: "Without a
// valid id_token_hint the customer must confirm" (docs/providers/pliro.md) — so with a valid hint the
// form is submitted at once (logout=yes: end the whole Pliro session, which also sends the
// back-channel logout), and without one the customer sees the confirmation buttons.
// oidc-provider has validated the hint before this runs (it throws on an invalid one), so
// the IdTokenHint entity being present means the hint was valid.
export async function logoutSource(ctx, form) {
  const formWithChoice = form.replace(
    '</form>',
    '<input type="hidden" name="logout" value="yes"/></form>',
  );
  if (ctx.oidc.entities.IdTokenHint) {
    ctx.body = page('Signing out', `    <h1>Signing out…</h1>
    ${formWithChoice}
    <noscript><button type="submit" form="op.logoutForm">Continue</button></noscript>
    <script>document.getElementById('op.logoutForm').submit();</script>`);
    return;
  }
  ctx.body = page('Sign out', `    <h1>Do you want to sign out from ${escapeHtml(ctx.host)}?</h1>
    ${form}
    <button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>
    <button type="submit" form="op.logoutForm">No, stay signed in</button>`);
}

export async function postLogoutSuccessSource(ctx) {
  ctx.body = page('Signed out', '    <h1>Signed out</h1>\n    <p>You have been signed out.</p>');
}

export async function renderError(ctx, out) {
  ctx.type = 'html';
  const rows = Object.entries(out)
    .map(([key, value]) => `    <p><strong>${escapeHtml(key)}</strong>: <span data-error-key="${escapeHtml(key)}">${escapeHtml(value)}</span></p>`)
    .join('\n');
  ctx.body = page('Error', `    <h1>Something went wrong</h1>\n${rows}`);
}

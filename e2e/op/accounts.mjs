// Test accounts of the Pliro-like provider.
//
// devInteractions accepts any login and any password and uses the login as the account id,
// so every login is an account. The subscription plan derives from the login name (see
// README.md) and can be changed at run time through the test-control endpoint, the way a
// checkout at Pliro changes a customer's plan (docs/providers/pliro.md).

const planByLogin = new Map([
  ['premium-reader', 'premium'],
  ['plus-reader', 'plus'],
]);

// Plans set at run time win over the login-derived ones; null means "no plan".
const planOverrides = new Map();

export function planFor(login) {
  if (planOverrides.has(login)) {
    return planOverrides.get(login);
  }
  return planByLogin.get(login) ?? null;
}

export function setPlan(login, plan) {
  planOverrides.set(login, plan || null);
}

// A display name from the login: "premium-reader" -> "Premium Reader".
function nameFor(login) {
  return login
    .split(/[-_.\s]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join(' ') || login;
}

function emailFor(login) {
  return login.includes('@') ? login : `${login}@example.test`;
}

// oidc-provider `findAccount`: the claims are filtered afterwards by the granted scopes
// (email -> email; profile -> name, plan, plan_slugs), like Pliro's scope rules.
export async function findAccount(_ctx, sub) {
  return {
    accountId: sub,
    async claims(use) {
      const plan = planFor(sub);
      const claims = {
        sub,
        email: emailFor(sub),
        name: nameFor(sub),
      };
      if (plan) {
        claims.plan = plan;
        // Newer Pliro docs add `plan_slugs` to userinfo only (docs/providers/pliro.md).
        if (use === 'userinfo') {
          claims.plan_slugs = [plan];
        }
      }
      return claims;
    },
  };
}

#!/usr/bin/env python3
"""Signs in at the site through its real sign-in path and prints the Cookie header a browser would then send.

Usage: sign_in.py BASE_URL PROVIDER READER [PATH]
  e.g. sign_in.py http://127.0.0.1:5123 pliro pliro-premium /articles/some-story

The site must run in Development, where its stand-in providers are served under /dev/: this walks what a browser
walks. GET /account/login?provider=... (the site's challenge), the stand-in's sign-in page, a POST of its form
choosing READER, the stand-in's redirect to /signin-PROVIDER (the site redeems the code at the stand-in's token
endpoint and starts a session) and the redirect home. Nothing is forged: the cookie is the one the site set.
"""
import http.cookiejar
import sys
import urllib.parse
import urllib.request
from html.parser import HTMLParser


class FormReader(HTMLParser):
    """The first POST form: its action and its hidden fields."""

    def __init__(self):
        super().__init__()
        self.action = None
        self.fields = {}
        self.in_form = False
        self.done = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if self.done:
            return
        if tag == "form" and (a.get("method") or "").lower() == "post":
            self.in_form, self.action = True, a.get("action")
        elif tag == "input" and self.in_form and a.get("type") == "hidden" and a.get("name"):
            self.fields[a["name"]] = a.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form" and self.in_form:
            self.in_form, self.done = False, True


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    base, provider, reader = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
    path = sys.argv[4] if len(sys.argv) > 4 else "/"
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    start = f"{base}/account/login?" + urllib.parse.urlencode({"provider": provider, "returnUrl": "/"})
    with opener.open(start, timeout=30) as page:
        form = FormReader()
        form.feed(page.read().decode("utf-8"))
        page_url = page.geturl()
    if not form.action or "request" not in form.fields:
        sys.exit(f"sign_in: no stand-in sign-in form at {page_url} (is the site in Development with DevProviders on?)")

    fields = dict(form.fields, reader=reader)
    action = urllib.parse.urljoin(page_url, form.action)
    with opener.open(action, data=urllib.parse.urlencode(fields).encode(), timeout=30) as done:
        landed = done.geturl()
    if not landed.startswith(base) or "/account/error" in landed or "error=" in landed:
        sys.exit(f"sign_in: sign-in ended at {landed}")

    probe = urllib.request.Request(base + path)
    jar.add_cookie_header(probe)
    header = probe.get_header("Cookie")
    if not header:
        sys.exit("sign_in: the site set no cookie for " + path)
    print(header)


if __name__ == "__main__":
    main()

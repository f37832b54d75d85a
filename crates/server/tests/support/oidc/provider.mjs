// A real OpenID Connect provider for Loket's citizen sign-in tests (crates/server/tests/oidc.rs).
//
//     node provider.mjs '{"client_id":"…","client_secret":"…","redirect_uri":"…","password":"…"}'
//
// oidc-provider (pinned in package.json) on 127.0.0.1 at a free port, with one client and its own
// login and consent pages, as a city's eID / itsme broker would show them. Anyone who knows the
// password signs in under any name; a name of eleven digits carries that number in the `egovNRN`
// claim (scope `egovnrn`, as the federal authentication service names it), any other name carries
// none. The claim comes from the userinfo endpoint only, or with `"claims_in_id_token": true` from
// the ID token only. Prints "ready <issuer>" once it answers, and stops when its standard input
// closes (the test ended).

import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';

import Provider from 'oidc-provider';

// Standard output carries only the "ready" line; whatever the provider says goes to the log.
console.log = console.error;
console.info = console.error;

const settings = JSON.parse(process.argv[2]);
const server = http.createServer();

server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, configuration());
  const oidc = provider.callback();
  server.on('request', (req, res) => {
    const interaction = req.url.match(/^\/interaction\/([\w-]+)(?:\/(login|confirm|abort))?$/);
    if (!interaction) {
      oidc(req, res);
      return;
    }
    interact(provider, req, res, interaction[2]).catch((error) => {
      res.statusCode = 400;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end(`interaction failed: ${error.message}`);
    });
  });
  process.stdout.write(`ready ${issuer}\n`);
});

process.stdin.on('end', () => process.exit(0));
process.stdin.resume();

function configuration() {
  const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  return {
    clients: [{
      client_id: settings.client_id,
      client_secret: settings.client_secret,
      redirect_uris: [settings.redirect_uri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    }],
    jwks: { keys: [{ ...key, kid: 'test-signing-key', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: ['loket-test-provider-cookies'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    scopes: ['openid', 'profile', 'egovnrn'],
    claims: { openid: ['sub'], profile: ['name'], egovnrn: ['egovNRN'] },
    conformIdTokenClaims: !settings.claims_in_id_token,
    findAccount: (ctx, id) => ({
      accountId: id,
      claims: (use) => {
        const where = settings.claims_in_id_token ? 'id_token' : 'userinfo';
        return /^\d{11}$/.test(id) && use === where
          ? { sub: `citizen-${id}`, name: id, egovNRN: id }
          : { sub: `citizen-${id}`, name: id };
      },
    }),
  };
}

async function interact(provider, req, res, action) {
  const details = await provider.interactionDetails(req, res);
  const { uid, prompt, params, session } = details;
  if (req.method === 'GET' && !action) {
    page(res, 200, prompt.name === 'login' ? loginForm(uid) : consentForm(uid));
    return;
  }
  if (req.method !== 'POST') {
    throw new Error(`${req.method} ${req.url} is not an interaction step`);
  }
  const form = new URLSearchParams(await body(req));
  if (action === 'abort') {
    await provider.interactionFinished(req, res, {
      error: 'access_denied',
      error_description: 'The citizen did not give consent',
    }, { mergeWithLastSubmission: false });
  } else if (action === 'login' && prompt.name === 'login') {
    const login = form.get('login') ?? '';
    if (login === '' || form.get('password') !== settings.password) {
      page(res, 401, loginForm(uid, 'Wrong name or password'));
      return;
    }
    await provider.interactionFinished(req, res, { login: { accountId: login } }, {
      mergeWithLastSubmission: false,
    });
  } else if (action === 'confirm' && prompt.name === 'consent') {
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
    if (prompt.details.missingOIDCScope) {
      grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
    }
    if (prompt.details.missingOIDCClaims) {
      grant.addOIDCClaims(prompt.details.missingOIDCClaims);
    }
    await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, {
      mergeWithLastSubmission: true,
    });
  } else {
    throw new Error(`${action} does not answer the ${prompt.name} prompt`);
  }
}

function body(req) {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => { text += chunk; });
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

function page(res, status, html) {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(`<!doctype html><html lang="en"><title>Test eID broker</title><body>${html}</body></html>`);
}

function loginForm(uid, error = '') {
  return `<h1>Sign in</h1>${error ? `<p role="alert">${error}</p>` : ''}
<form method="post" action="/interaction/${uid}/login">
<label>Name <input name="login"></label>
<label>Password <input name="password" type="password"></label>
<button>Sign in</button>
</form>`;
}

function consentForm(uid) {
  return `<h1>Share your national register number with the city?</h1>
<form method="post" action="/interaction/${uid}/confirm"><button>Allow</button></form>
<form method="post" action="/interaction/${uid}/abort"><button>Deny</button></form>`;
}

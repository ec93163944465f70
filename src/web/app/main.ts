/** The console shell: sign-in, header, and a hash router over the views. */
import { ApiError, gql, session, whenUnauthenticated } from './api.ts';
import { field, focusHeading, h, replace } from './dom.ts';
import { onConnectionState, resetLive } from './live.ts';
import type { ConsoleViewerQuery } from './gql/graphql.ts';
import * as Q from './queries.ts';
import { renderExports } from './views/exports.ts';
import { renderGenerate } from './views/generate.ts';
import { renderPosture, renderPostureControl } from './views/posture.ts';
import { renderReport } from './views/report.ts';
import { renderReports } from './views/reports.ts';
import { renderSchedules } from './views/schedules.ts';

const main = document.getElementById('main')!;
const top = document.getElementById('top')!;
/** Cleanup of the current view (its subscriptions). */
let leave: (() => void) | void;
let signInMessage: string | null = null;

type ViewerData = ConsoleViewerQuery;

function renderSignIn() {
  replace(top, h('div', { class: 'brand' }, 'Agent governance reports'));
  const input = h('input', { type: 'password', name: 'apiKey', autocomplete: 'off', spellcheck: 'false', required: true });
  const key = field('API key', input, 'The key is kept in this tab only (session storage) and sent as a bearer token.');
  const button = h('button', { type: 'submit' }, 'Sign in');
  const form = h('form', { class: 'card narrow', 'aria-labelledby': 'signin-title' }, h('h1', { id: 'signin-title' }, 'Sign in'), key.wrapper, button);
  key.setError(signInMessage);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = input.value.trim();
    if (!value) return key.setError('Enter an API key.');
    button.disabled = true;
    try {
      const data = await gql(Q.Viewer, {}, value);
      session.set(value);
      signInMessage = null;
      resetLive();
      renderShell(data);
      void route();
    } catch (error) {
      key.setError(
        error instanceof ApiError && error.code === 'UNAUTHENTICATED'
          ? 'This API key is not valid or has been revoked. Check it, or ask an administrator for a new key.'
          : error instanceof Error ? error.message : String(error),
      );
      input.focus();
    } finally {
      button.disabled = false;
    }
  });
  replace(main, form);
  input.focus();
}

/** One status line for the live connection, kept across sign-ins. */
const connection = h('span', { class: 'conn', 'aria-live': 'polite' });
onConnectionState((state) => (connection.textContent = state));

function renderShell({ viewer }: ViewerData) {
  const status = connection;
  const link = (href: string, label: string) => h('a', { href }, label);
  replace(
    top,
    h('div', { class: 'brand' }, 'Agent governance reports'),
    h('nav', { 'aria-label': 'Main' }, link('#/posture', 'Posture'), link('#/reports', 'Reports'), link('#/generate', 'Generate'), link('#/schedules', 'Schedules'), link('#/exports', 'Exports')),
    h(
      'div',
      { class: 'who' },
      h('span', {}, `${viewer.organization.name} · ${viewer.keyName} (${viewer.role.toLowerCase()})`),
      status,
      h('button', { type: 'button', class: 'link', onclick: () => signOut(null) }, 'Sign out'),
    ),
  );
}

function signOut(message: string | null) {
  leave?.();
  leave = undefined;
  session.clear();
  resetLive();
  signInMessage = message;
  location.hash = '';
  renderSignIn();
}

whenUnauthenticated(() => signOut('Your API key is no longer valid (revoked or expired). Sign in with another key.'));

async function route() {
  if (!session.key) return renderSignIn();
  leave?.();
  leave = undefined;
  const [view = '', id, ...rest] = location.hash.replace(/^#\/?/, '').split('?')[0]!.split('/').map(decodeURIComponent);
  for (const a of top.querySelectorAll('nav a')) a.toggleAttribute('aria-current', a.getAttribute('href') === `#/${view || 'posture'}`);
  if (view === 'posture' && id && rest.length === 2) leave = await renderPostureControl(main, id, rest[0]!, rest[1]!);
  else if (view === '' || view === 'posture') leave = await renderPosture(main);
  else if (view === 'reports' && id) leave = await renderReport(main, id);
  else if (view === 'generate') leave = await renderGenerate(main);
  else if (view === 'schedules') leave = await renderSchedules(main);
  else if (view === 'exports') leave = await renderExports(main);
  else leave = await renderReports(main);
  focusHeading(main);
}

async function start() {
  if (!session.key) return renderSignIn();
  try {
    renderShell(await gql(Q.Viewer));
    await route();
  } catch (error) {
    if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') return;
    replace(main, h('p', { role: 'alert' }, error instanceof Error ? error.message : String(error)));
  }
}

window.addEventListener('hashchange', () => void route().catch(showError));
function showError(error: unknown) {
  replace(main, h('h1', {}, 'Something went wrong'), h('p', { role: 'alert' }, error instanceof Error ? error.message : String(error)));
}
void start();

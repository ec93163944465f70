/** Downloads in every format, and share links for auditors (created, listed, revoked). */
import { ApiError, download, gql } from '../api.ts';
import { field, fmtDate, h, lower, replace, select } from '../dom.ts';
import type { ShareLinkFormat, ShareRedaction } from '../gql/graphql.ts';
import * as Q from '../queries.ts';


const notYet = (e: unknown) => e instanceof ApiError && (e.code === 'GRAPHQL_VALIDATION_FAILED' || /Cannot query field|Unknown type/.test(e.message));

export async function deliverSection(reportId: string, status: string): Promise<HTMLElement> {
  const downloadStatus = h('p', { class: 'muted', 'aria-live': 'polite' });
  const buttons = Q.FORMATS.map(([format, label]) => {
    const b = h('button', { type: 'button', class: 'secondary', 'data-format': format }, `Download ${label}`);
    b.addEventListener('click', async () => {
      b.disabled = true;
      downloadStatus.textContent = `Preparing ${label}…`;
      try {
        const { name, size } = await download(`/reports/${encodeURIComponent(reportId)}/download?format=${format}`, `report.${format}`);
        downloadStatus.textContent = `Downloaded ${name} (${size.toLocaleString()} bytes).`;
      } catch (e) {
        downloadStatus.textContent = e instanceof Error ? e.message : String(e);
      } finally {
        b.disabled = false;
      }
    });
    return b;
  });
  const section = h('section', { class: 'card', 'aria-labelledby': 'deliver-title' },
    h('h2', { id: 'deliver-title' }, 'Deliver'),
    status === 'EXPIRED' ? h('p', {}, 'The files of this report passed retention; regenerate it to download again.') : h('div', { class: 'buttons' }, ...buttons),
    downloadStatus,
    await shareSection(reportId));
  return section;
}

const formsFieldBreak = () => h('div', { class: 'break', 'aria-hidden': 'true' });

async function shareSection(reportId: string): Promise<HTMLElement> {
  const root = h('div', { class: 'share' }, h('h3', {}, 'Share with an auditor'));
  const list = h('ul', { class: 'links' });
  const expiry = field('Link expires in', select('expiresInHours', [['24', '1 day'], ['168', '7 days'], ['720', '30 days']], '168'));
  const protect = h('input', { type: 'checkbox', name: 'passwordProtected', id: 'share-password-protected', checked: true });
  const password = { setError: (m: string | null) => (formError.textContent = m ?? '') };
  const protectField = h('div', { class: 'field checkbox' }, h('label', { for: protect.id }, protect, ' Protect with a password (generated, shown once)'));
  // The files the auditor may download (the read-only page is always there); the bundle is opt-in, as in the API.
  const formatBoxes = Q.FORMATS.map(([format, label]) => h('input', { type: 'checkbox', name: 'formats', value: format, id: `share-format-${format}`, checked: format !== 'bundle' }));
  const formatsField = h('fieldset', { class: 'field formats' }, h('legend', {}, 'Files the auditor may download'),
    ...formatBoxes.map((box, i) => h('label', { for: box.id, class: 'check' }, box, ` ${Q.FORMATS[i]![1]}`)));
  const redactionSelect = select('redaction', [['NONE', 'Shown as recorded'], ['PSEUDONYMISE', 'Pseudonymised (e-mails and person ids replaced)']], 'NONE');
  redactionSelect.id = 'share-redaction';
  const redaction = field('People in the shared copy', redactionSelect);
  const created = h('div', { class: 'created', 'aria-live': 'polite' });
  const formError = h('p', { class: 'form-error', role: 'alert' });
  const submit = h('button', { type: 'submit' }, 'Create share link');
  const form = h('form', { class: 'inline-form', 'aria-label': 'Create a share link' }, expiry.wrapper, redaction.wrapper, protectField, formsFieldBreak(), formatsField, formError, submit);

  async function load() {
    const { shareLinks } = await gql(Q.ShareLinks, { reportId });
    replace(list, ...shareLinks.map((l) => {
      const revoke = h('button', { type: 'button', class: 'secondary', disabled: l.state !== 'ACTIVE', 'aria-label': `Revoke the link created ${fmtDate(l.createdAt)}` }, 'Revoke');
      revoke.addEventListener('click', async () => {
        revoke.disabled = true;
        await gql(Q.RevokeShareLink, { id: l.id }).catch((e: unknown) => (formError.textContent = e instanceof Error ? e.message : String(e)));
        await load();
      });
      const state = l.state === 'REVOKED' ? `revoked ${fmtDate(l.revokedAt)}` : l.state === 'ACTIVE' ? `expires ${fmtDate(l.expiresAt)}` : lower(l.state);
      const what = `${l.formats.map((f) => f.toLowerCase()).join(', ')}${l.redaction === 'PSEUDONYMISE' ? ' · pseudonymised' : ''}`;
      return h('li', { 'data-state': l.state }, `Created ${fmtDate(l.createdAt)} · ${state} · ${what} · ${l.passwordProtected ? 'password' : 'no password'} · used ${l.useCount}× · last ${fmtDate(l.lastUsedAt)} `, revoke);
    }));
    if (!shareLinks.length) list.append(h('li', {}, 'No share links yet.'));
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    expiry.setError(null);
    formError.textContent = '';
    submit.disabled = true;
    try {
      const { createShareLink } = await gql(Q.CreateShareLink, {
        input: {
          reportId,
          expiresInHours: Number((expiry.control as HTMLSelectElement).value),
          passwordProtected: protect.checked,
          formats: formatBoxes.filter((b) => b.checked).map((b) => b.value.toUpperCase() as ShareLinkFormat),
          redaction: (redaction.control as HTMLSelectElement).value as ShareRedaction,
        },
      });
      const url = h('input', { type: 'text', readonly: true, value: createShareLink.url, id: 'share-url', class: 'share-url' });
      replace(created,
        h('p', { class: 'warning' }, 'Copy the link now: it is not shown again.'),
        h('label', { for: 'share-url' }, 'Share URL'), url,
        createShareLink.password ? h('p', {}, 'Password: ', h('code', { class: 'share-password' }, createShareLink.password)) : null);
      url.focus();
      url.select();
      await load();
    } catch (e) {
      const target = e instanceof ApiError && e.field === 'expiresInHours' ? expiry : e instanceof ApiError && e.field === 'redaction' ? redaction : e instanceof ApiError && (e.field === 'passwordProtected' || e.field === 'formats') ? password : null;
      if (target) target.setError((e as Error).message);
      else formError.textContent = e instanceof Error ? e.message : String(e);
    } finally {
      submit.disabled = false;
    }
  });

  try {
    await load();
    root.append(form, created, h('h4', {}, 'Links'), list);
  } catch (e) {
    root.append(h('p', { class: 'muted' }, notYet(e) ? 'Share links are not available on this server.' : e instanceof Error ? e.message : String(e)));
  }
  return root;
}

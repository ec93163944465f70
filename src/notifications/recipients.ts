/**
 * Who hears of a report: webhook URLs and e-mail addresses, as an
 * organisation (every report) and a schedule (its reports) keep them.
 */
import { badInput } from '../errors.ts';
import { webhookUrlProblem } from './webhook-target.ts';

export interface NotifySettings {
  webhooks: string[];
  emails: string[];
}

const MAX_WEBHOOKS = 10;
const MAX_EMAILS = 20;
const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;

/** The recipients stored in a jsonb `notify` column, with both lists present. */
export const notifyOf = (s: { notify: unknown }): NotifySettings => {
  const n = (s.notify ?? {}) as Partial<NotifySettings>;
  return { webhooks: n.webhooks ?? [], emails: n.emails ?? [] };
};

export function validateNotify(notify: Partial<NotifySettings> | null | undefined, allowedHosts: readonly string[]): NotifySettings {
  const webhooks = [...new Set((notify?.webhooks ?? []).map((w) => w.trim()).filter(Boolean))];
  const emails = [...new Set((notify?.emails ?? []).map((e) => e.trim().toLowerCase()).filter(Boolean))];
  if (webhooks.length > MAX_WEBHOOKS) throw badInput('notify.webhooks', `at most ${MAX_WEBHOOKS} webhooks`);
  if (emails.length > MAX_EMAILS) throw badInput('notify.emails', `at most ${MAX_EMAILS} e-mail addresses`);
  webhooks.forEach((w, i) => {
    const problem = webhookUrlProblem(w, allowedHosts);
    if (problem) throw badInput(`notify.webhooks.${i}`, problem);
  });
  emails.forEach((e, i) => {
    if (!EMAIL.test(e) || e.length > 254) throw badInput(`notify.emails.${i}`, `"${e}" is not an e-mail address`);
  });
  return { webhooks, emails };
}

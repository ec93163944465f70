/**
 * The two channels the outbox delivers itself: a signed webhook POST and an
 * e-mail. Each throws a DeliveryError (with the receiver's HTTP status when
 * there was one) for the delivery job to record and retry.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { eq } from 'drizzle-orm';
import { organizations } from '../db/schema.ts';
import type { Services } from '../services.ts';
import { SIGNATURE_HEADER, webhookSignature, type NotificationRow } from './outbox.ts';
import { guardedLookup, WebhookRefused, webhookUrlProblem } from './webhook-target.ts';

const WEBHOOK_TIMEOUT_MS = 10_000;

class DeliveryError extends Error {
  readonly status: number | undefined;
  constructor(message: string, status?: number) {
    super(message);
    this.status = status;
  }
}

export async function postWebhook(services: Services, row: NotificationRow): Promise<number> {
  const [org] = await services.database.db.select({ secret: organizations.webhookSecret }).from(organizations).where(eq(organizations.id, row.orgId));
  if (!org) throw new DeliveryError('the organisation no longer exists');
  const allowed = services.config.WEBHOOK_ALLOWED_HOSTS;
  // Checked again now: the rules may have changed since the URL was saved.
  const problem = webhookUrlProblem(row.target, allowed);
  if (problem) throw new DeliveryError(`refused: ${problem}`);
  const url = new URL(row.target);
  const body = Buffer.from(row.body);
  const status = await new Promise<number>((resolve, reject) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(
      url,
      {
        method: 'POST',
        // The addresses connected to are the ones checked (see webhook-target.ts). Redirects are
        // not followed: they would send the signed body somewhere nobody configured.
        lookup: guardedLookup(allowed),
        timeout: WEBHOOK_TIMEOUT_MS,
        headers: {
          'content-type': 'application/json',
          'content-length': String(body.length),
          'user-agent': 'agent-reports-webhooks/1',
          'x-event': row.event,
          'x-delivery-id': row.id,
          [SIGNATURE_HEADER]: webhookSignature(org.secret, row.body),
        },
      },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.once('timeout', () => request.destroy(new Error(`no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s`)));
    request.once('error', reject);
    request.end(body);
  }).catch((error: unknown) => {
    if (error instanceof WebhookRefused) throw new DeliveryError(`refused: ${error.message}`);
    const e = error as { code?: string; message?: string };
    throw new DeliveryError(`request failed: ${e.code ?? e.message}`);
  });
  if (status < 200 || status >= 300) throw new DeliveryError(`receiver answered HTTP ${status}`, status);
  return status;
}

export async function sendEmail(services: Services, row: NotificationRow): Promise<void> {
  const url = services.config.SMTP_URL;
  if (!url) throw new DeliveryError('SMTP_URL is not configured');
  // Loaded on the first email: nodemailer is ~20 MB of RSS that a worker without email channels never needs.
  const { default: nodemailer } = await import('nodemailer');
  const transport = nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 } as never);
  try {
    await transport.sendMail({ from: services.config.SMTP_FROM, to: row.target, subject: row.subject ?? row.event, text: row.body, headers: { 'X-Report-Event': row.event } });
  } finally {
    transport.close();
  }
}

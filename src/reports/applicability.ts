/**
 * Statement of Applicability: every control of the framework's catalog,
 * whether this report evidences it, why, and with which findings. Controls
 * the agent trail cannot evidence are listed with the reason, never dropped.
 */
import { catalogControls } from '../frameworks/catalog.ts';
import type { FrameworkDefinition } from '../frameworks/types.ts';
import type { Table } from './tables.ts';

interface FindingLike {
  ordinal: number;
  controlId: string;
  checkId: string;
  status: string;
}

/**
 * A.6 controls whose purpose is not an HR process: the theme's reason would
 * send the auditor to the wrong records.
 */
const OWN_REASONS: Record<string, string> = {
  'A.6.7': 'Remote working: the security of people working away from the premises (remote-working policy, protected remote access and devices) leaves no trace in agent governance events; evidence it from the remote-working policy and the remote-access and endpoint records.',
  'A.6.8': 'Information security event reporting: whether personnel report observed or suspected events through the designated channel is not recorded in agent governance events (the gateway\'s own detections are assessed under A.5.25 and A.8.16); evidence it from the reporting channel and its records.',
};

/** Why the trail of AI agent governance events cannot evidence a control, by ISO 27001 theme. */
function reasonNotEvidenced(controlId: string): string {
  const own = OWN_REASONS[controlId];
  if (own) return own;
  if (controlId.startsWith('A.6.')) {
    return 'People control (screening, terms of employment, awareness and training, discipline, duties after termination, confidentiality agreements): leaves no trace in agent governance events; evidence it from HR records.';
  }
  if (controlId.startsWith('A.7.')) return 'Physical control: facilities and equipment are outside the agent governance trail; evidence it from physical-security records.';
  return 'Not evidenced by agent governance events; assess it with the ISMS\'s other records.';
}

export function statementOfApplicability(framework: FrameworkDefinition, findings: FindingLike[]): Table {
  const columns = ['control', 'title', 'evidencedHere', 'justification', 'evidence'];
  if (framework.catalog === 'custom') return { id: 'statement_of_applicability', title: 'Statement of Applicability', columns, rows: [], truncated: null };
  const byControl = new Map<string, FindingLike[]>();
  for (const f of findings) byControl.set(f.controlId, [...(byControl.get(f.controlId) ?? []), f]);
  const rows = catalogControls(framework.catalog).map((control) => {
    const own = byControl.get(control.id) ?? [];
    if (!own.length) return [control.id, control.title, 'no', reasonNotEvidenced(control.id), null];
    const applicable = own.some((f) => f.status !== 'not_applicable');
    return [
      control.id,
      control.title,
      'yes',
      applicable
        ? 'Applicable: measured from the agent governance trail by the checks listed.'
        : 'Applicable, but nothing of this kind happened in the period and scope (findings not applicable).',
      own.map((f) => `finding ${f.ordinal} ${f.checkId}: ${f.status}`).join('; '),
    ];
  });
  return { id: 'statement_of_applicability', title: `Statement of Applicability (${rows.length} controls)`, columns, rows, truncated: null };
}

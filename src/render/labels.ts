/**
 * Human column headers for report tables, shared by the console, the shared
 * page and the PDF. The machine ids (`denyRatePercent`) stay in JSON and CSV;
 * people read "Deny rate (%)". A column missing here is spelled out from its
 * camelCase id, so a new table never shows a raw key.
 */
/** How a column's cells print: numbers with thousands separators (`id`: a number without them), instants, or text. */
type ColumnUnit = 'count' | 'number' | 'percent' | 'usd' | 'days' | 'score' | 'id' | 'time' | 'text';

interface ColumnLabel {
  label: string;
  unit: ColumnUnit;
  /** Long free text shown under its row instead of as a column (keeps rows one line tall). */
  note?: true;
}

const L = (label: string, unit: ColumnUnit = 'text', note?: true): ColumnLabel => ({ label, unit, ...(note ? { note } : {}) });

const COLUMN_LABELS: Record<string, ColumnLabel> = {
  agent: L('Agent'), agents: L('Agents', 'count'), events: L('Events', 'count'), sessions: L('Sessions', 'count'),
  legalBases: L('Legal bases'), legalBasis: L('Legal basis'), recipients: L('Recipients', 'count'), recipient: L('Recipient'),
  firstSeen: L('First seen', 'time'), lastSeen: L('Last seen', 'time'), first: L('First', 'time'), last: L('Last', 'time'),
  tool: L('Tool'), tags: L('Tags'), deniedOrHeld: L('Denied or held', 'count'), purpose: L('Purpose'), category: L('Category'),
  oldestInPeriod: L('Oldest in period', 'time'), newestInPeriod: L('Newest in period', 'time'),
  subjectCategory: L('Data subject category'), subjectReferences: L('Data subject references', 'count'),
  region: L('Region'), withoutLegalBasis: L('Without legal basis', 'count'), kind: L('Kind'), oldestKeptDays: L('Oldest kept (days)', 'days'),
  policy: L('Policy'), versions: L('Versions', 'count'), decisions: L('Decisions', 'count'),
  allow: L('Allowed', 'count'), deny: L('Denied', 'count'), alert: L('Alerted', 'count'), hold: L('Held', 'count'),
  occurredAt: L('Occurred (UTC)', 'time'), seq: L('Sequence', 'id'), action: L('Action'), personalData: L('Personal data'),
  session: L('Session'), direction: L('Direction'), message: L('Message'), status: L('Status'),
  riskScore: L('Risk score (0–100)', 'score'), enforcement: L('Enforcement'), environments: L('Environments', 'count'), environment: L('Environment'),
  credential: L('Credential'), leasesIssued: L('Leases issued', 'count'), leasesEnded: L('Leases ended', 'count'), openLeases: L('Open leases', 'count'),
  grants: L('Grants', 'count'), lastRotated: L('Last rotated', 'time'), policies: L('Policies', 'count'),
  actorType: L('Actor type'), actors: L('Actors', 'count'), actor: L('Actor'), changes: L('Changes', 'count'), actions: L('Actions', 'count'),
  week: L('Week of'), denied: L('Denied', 'count'), guardrailTriggers: L('Guardrail triggers', 'count'),
  guardrailChangePercent: L('Guardrail change (%)', 'percent'), dlpEvents: L('DLP events', 'count'), injections: L('Injection detections', 'count'),
  costUsd: L('Cost (USD)', 'usd'), denyRatePercent: L('Deny rate (%)', 'percent'), errorRatePercent: L('Error rate (%)', 'percent'),
  risk: L('Risk (0–100)', 'score'), explanation: L('Why this risk', 'text', true), band: L('Risk band'), day: L('Day (UTC)'),
  control: L('Control'), title: L('Title'), applicability: L('Applicability'), justification: L('Justification'), implementation: L('Implementation'),
  statedIn: L('Stated in'), evidencedByAgentEvents: L('Evidenced by agent events'), evidence: L('Evidence'),
  source: L('Source'), dataSubjects: L('Data subjects'),
  // Drift (robust z-score against the agent's own baseline); the row's unit column says what the values count.
  metric: L('Metric'), unit: L('Unit'), baselineDays: L('Baseline (days)', 'days'), baselineMedian: L('Baseline median', 'number'),
  baselineMad: L('Baseline spread (MAD)', 'number'), periodValue: L('Period value', 'number'), robustZ: L('Robust z-score', 'number'),
  drifted: L('Drifted'), evidenceEvents: L('Evidence events', 'count'),
  // Posture history.
  framework: L('Framework'), score: L('Score (0–100)', 'score'), grade: L('Grade'),
  fail: L('Fail', 'count'), warn: L('Warn', 'count'), pass: L('Pass', 'count'), notApplicable: L('Not applicable', 'count'),
};

/** Whether a column has a label written for it (a test holds every report table to that). */
export const isLabelled = (id: string) => Object.hasOwn(COLUMN_LABELS, id);

/** The header of a column: its label, or its id spelled out ("fooBarCount" → "Foo bar count"). */
function columnLabel(id: string): ColumnLabel {
  const known = COLUMN_LABELS[id];
  if (known) return known;
  const words = id.replace(/_/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return L(words.charAt(0).toUpperCase() + words.slice(1), /count$|events$/i.test(id) ? 'count' : 'text');
}

/** A cell as people read it: thousands separators, two decimals at most, booleans as yes/no. */
export function formatCell(value: unknown, unit: ColumnUnit = 'text'): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') {
    if (unit === 'id') return String(value);
    if (unit === 'usd') return `$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  }
  if (Array.isArray(value)) return value.map((v) => formatCell(v)).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  const text = String(value);
  // Instants print without the milliseconds and zone noise: 2026-01-02 14:03 UTC.
  if (unit === 'time' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return `${text.slice(0, 10)} ${text.slice(11, 16)} UTC`;
  return text;
}

/** Splits a table's columns into the ones shown as columns and the note shown under each row. */
export function tableLayout(columns: string[]) {
  const labels = columns.map(columnLabel);
  const noteIndex = labels.findIndex((l) => l.note);
  // Numbers (ids included) align right; text and instants left.
  const shown = columns.map((id, index) => ({ id, index, ...labels[index]!, numeric: labels[index]!.unit !== 'text' && labels[index]!.unit !== 'time' })).filter((c) => !c.note);
  return { shown, noteIndex: noteIndex >= 0 ? noteIndex : null, noteLabel: noteIndex >= 0 ? labels[noteIndex]!.label : null };
}

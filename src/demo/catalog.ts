/**
 * The cast of the demo organisation: agents, the tools they call, the people
 * who approve and administer, policies and third parties. Exported so tests
 * can compute expectations from the generated events without the engine.
 */

/** Agent names; with more agents than names, later ones get a numeric suffix. */
export const DEMO_AGENT_NAMES = [
  'support-assistant', 'billing-agent', 'sales-copilot', 'hr-helper', 'research-agent', 'code-reviewer',
  'data-analyst', 'it-ops-bot', 'claims-processor', 'marketing-writer', 'security-triage', 'onboarding-guide',
] as const;

export const DEFAULT_AGENTS = 12;
export const DEFAULT_DAYS = 90;
export const DEFAULT_ENVIRONMENTS = ['production', 'staging', 'development'] as const;
export const DEFAULT_SEED = 42;
/** The generator's default end, fixed so that the same options always give the same events. */
export const DEFAULT_END = new Date('2026-01-01T00:00:00Z');

export function demoAgentIds(count: number = DEFAULT_AGENTS): string[] {
  return Array.from({ length: count }, (_, i) => {
    const name = DEMO_AGENT_NAMES[i % DEMO_AGENT_NAMES.length]!;
    return i < DEMO_AGENT_NAMES.length ? name : `${name}-${Math.floor(i / DEMO_AGENT_NAMES.length) + 1}`;
  });
}

type SubjectKind = 'customer' | 'patient' | 'employee';

export interface DemoTool {
  name: string;
  tags: readonly string[];
  /** Personal-data categories a call touches (empty: none). */
  personalData: readonly string[];
  subjects: SubjectKind | null;
  /** A third party the data goes to, with the region it is processed in. */
  recipient: { name: string; region: string } | null;
  /** The policy that governs it; null: only the gateway's default rule applies. */
  policyId: string | null;
  /** How much more often than usual the policy denies or holds calls. */
  risk: number;
  hold: number;
  resource: (n: number) => string;
}

export const DEMO_TOOLS: readonly DemoTool[] = [
  { name: 'crm.lookup', tags: ['pii', 'crm', 'read'], personalData: ['name', 'email', 'phone'], subjects: 'customer', recipient: null, policyId: 'pol-pii-access', risk: 1, hold: 0.002, resource: (n) => `crm://contacts/${n}` },
  { name: 'email.send', tags: ['pii', 'external', 'communication'], personalData: ['email', 'name'], subjects: 'customer', recipient: { name: 'sendgrid.com', region: 'us-east-1' }, policyId: 'pol-external-comms', risk: 1.5, hold: 0.02, resource: () => 'smtp://sendgrid/outbound' },
  { name: 'db.query', tags: ['pii', 'database', 'read'], personalData: ['name', 'address', 'financial'], subjects: 'customer', recipient: null, policyId: 'pol-pii-access', risk: 1.2, hold: 0.005, resource: (n) => `postgres://orders-db/orders/${n}` },
  { name: 'payments.refund', tags: ['pii', 'financial', 'write'], personalData: ['financial', 'name'], subjects: 'customer', recipient: { name: 'stripe.com', region: 'us-east-1' }, policyId: 'pol-payments-limits', risk: 2, hold: 0.08, resource: (n) => `stripe://refunds/re_${n.toString(36)}` },
  { name: 'web.search', tags: ['external', 'read'], personalData: [], subjects: null, recipient: null, policyId: 'pol-web-access', risk: 0.8, hold: 0, resource: () => 'https://api.search.example/v1/search' },
  { name: 'files.read', tags: ['files', 'read'], personalData: [], subjects: null, recipient: null, policyId: 'pol-data-access', risk: 0.6, hold: 0, resource: (n) => `s3://demo-corp-docs/shared/${n}.pdf` },
  { name: 'ehr.read', tags: ['pii', 'phi', 'read'], personalData: ['health', 'name'], subjects: 'patient', recipient: null, policyId: 'pol-phi-minimum-necessary', risk: 1.5, hold: 0.01, resource: (n) => `fhir://ehr/Patient/${n}` },
  { name: 'hris.lookup', tags: ['pii', 'hr', 'read'], personalData: ['name', 'email', 'government_id'], subjects: 'employee', recipient: null, policyId: 'pol-pii-access', risk: 1.2, hold: 0.01, resource: (n) => `workday://workers/${n}` },
  { name: 'tickets.update', tags: ['support', 'write'], personalData: [], subjects: null, recipient: null, policyId: 'pol-default', risk: 0.5, hold: 0, resource: (n) => `jira://SUP-${n}` },
  { name: 'kb.search', tags: ['read'], personalData: [], subjects: null, recipient: null, policyId: null, risk: 0.3, hold: 0, resource: () => 'kb://articles' },
  { name: 'code.execute', tags: ['compute', 'privileged'], personalData: [], subjects: null, recipient: null, policyId: 'pol-code-exec', risk: 2.5, hold: 0.04, resource: () => 'sandbox://python-3.12' },
  { name: 'slack.post', tags: ['communication', 'external'], personalData: [], subjects: null, recipient: null, policyId: 'pol-external-comms', risk: 0.8, hold: 0.005, resource: (n) => `slack://channels/C0${n % 90}` },
  { name: 'calendar.create', tags: ['write'], personalData: [], subjects: null, recipient: null, policyId: 'pol-default', risk: 0.4, hold: 0, resource: () => 'gcal://primary' },
];

/** Every policy the demo's gateways apply (tool policies, the threat-intel block list). */
export const DEMO_POLICIES = [...new Set(DEMO_TOOLS.flatMap((t) => (t.policyId ? [t.policyId] : []))), 'pol-threat-intel-block'];

export const PII_TOOL_NAMES = DEMO_TOOLS.filter((t) => t.tags.includes('pii')).map((t) => t.name);

/** Which tools each named agent uses (agents beyond the names reuse their namesake's). */
export const AGENT_TOOLS: Record<(typeof DEMO_AGENT_NAMES)[number], readonly string[]> = {
  'support-assistant': ['crm.lookup', 'email.send', 'tickets.update', 'kb.search'],
  'billing-agent': ['payments.refund', 'crm.lookup', 'db.query', 'email.send'],
  'sales-copilot': ['crm.lookup', 'email.send', 'web.search', 'calendar.create'],
  'hr-helper': ['hris.lookup', 'files.read', 'email.send', 'calendar.create'],
  'research-agent': ['web.search', 'files.read', 'kb.search'],
  'code-reviewer': ['code.execute', 'files.read', 'slack.post'],
  'data-analyst': ['db.query', 'files.read', 'code.execute'],
  'it-ops-bot': ['code.execute', 'slack.post', 'tickets.update'],
  'claims-processor': ['ehr.read', 'db.query', 'payments.refund', 'email.send'],
  'marketing-writer': ['web.search', 'email.send', 'files.read'],
  'security-triage': ['db.query', 'web.search', 'tickets.update', 'slack.post'],
  'onboarding-guide': ['kb.search', 'calendar.create', 'email.send', 'hris.lookup'],
};

export interface DemoUser {
  id: string;
  email: string;
  /** What they do in the demo. */
  duty: 'approver' | 'security' | 'privacy' | 'admin';
}

export const DEMO_USERS: readonly DemoUser[] = [
  { id: 'alice.martin', email: 'alice.martin@demo-corp.example', duty: 'approver' },
  { id: 'frank.osei', email: 'frank.osei@demo-corp.example', duty: 'approver' },
  { id: 'erin.kowalski', email: 'erin.kowalski@demo-corp.example', duty: 'approver' },
  { id: 'grace.liu', email: 'grace.liu@demo-corp.example', duty: 'security' },
  { id: 'ivan.petrov', email: 'ivan.petrov@demo-corp.example', duty: 'security' },
  { id: 'carol.dpo', email: 'carol.dubois@demo-corp.example', duty: 'privacy' },
  { id: 'bob.admin', email: 'bob.nakamura@demo-corp.example', duty: 'admin' },
  { id: 'dana.admin', email: 'dana.reyes@demo-corp.example', duty: 'admin' },
];

export const usersWith = (duty: DemoUser['duty']) => DEMO_USERS.filter((u) => u.duty === duty);

export const LEGAL_BASES = ['contract', 'legitimate_interests', 'consent', 'legal_obligation'] as const;
export const SUBJECT_RANGES: Record<SubjectKind, { first: number; count: number }> = {
  customer: { first: 1000, count: 4000 },
  patient: { first: 50_000, count: 800 },
  employee: { first: 100, count: 250 },
};
/** Where each environment's gateway processes data. */
export const ENVIRONMENT_REGIONS = ['eu-west-1', 'eu-central-1', 'eu-north-1'] as const;
/** Destinations of blocked or detected exfiltration attempts. */
export const EXFILTRATION_RECIPIENTS = ['pastebin.com', 'webhook.site', 'gmail.com', 'transfer.sh'] as const;
export const ROLES = ['viewer', 'analyst', 'operator', 'admin', 'owner'] as const;

/** Model calls that no policy gates (the agent thinking), for cost and volume. */
export const MODEL_TOOL: DemoTool = {
  name: 'llm.completion', tags: ['model'], personalData: [], subjects: null, recipient: null, policyId: null, risk: 0, hold: 0, resource: () => 'model://completion',
};
export const MODELS = ['gpt-4.1', 'claude-sonnet-4', 'gemini-2.5-pro', 'llama-3.3-70b'];
/** Price per 1,000 tokens by model, in the same order. */
export const MODEL_PRICE = [0.006, 0.009, 0.005, 0.0009];
export const DLP_RULES = ['dlp-credit-card', 'dlp-iban', 'dlp-email-bulk', 'dlp-health-record', 'dlp-national-id'];

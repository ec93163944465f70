/**
 * The tables a framework section can show, by id. Their queries are in
 * src/reports/tables.ts, which must build exactly these (its type says so).
 */

/** Tables the engine builds itself from what it already measured. */
const ENGINE_TABLES = ['agent_risk', 'agent_drift', 'risk_distribution', 'decisions_by_day', 'statement_of_applicability'] as const;

/** Tables each made by a grouped SQL query of their own (or over a shared pass). */
const SQL_TABLES = [
  'personal_data_agents',
  'pii_tools',
  'processing_purposes',
  'personal_data_categories',
  'data_subject_categories',
  'recipients',
  'transfers_by_region',
  'retention',
  'policies',
  'decisions_by_category',
  'subject_events',
  'agent_messages',
  'agents_inventory',
  'tools_inventory',
  'credentials_inventory',
  'environments_inventory',
  'admin_actions',
  'admin_actors',
  'service_actions',
  'posture_trend',
  'weekly_trends',
] as const;
export type SqlTableId = (typeof SQL_TABLES)[number];

export function isTableId(id: string): boolean {
  return (SQL_TABLES as readonly string[]).includes(id) || (ENGINE_TABLES as readonly string[]).includes(id);
}

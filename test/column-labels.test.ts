/**
 * The tables of every report type as people read them (console, shared page, PDF): each column
 * has a label written for it, not its machine id spelled out, and a column of numbers prints
 * as numbers (right-aligned, thousands separators). The report contents are the golden files,
 * which hold every table each report type makes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCell, isLabelled, tableLayout } from '../src/render/labels.ts';

const GOLDEN = path.join(import.meta.dirname, 'golden');
interface Table { id: string; columns: string[]; rows: unknown[][] }
const tables = readdirSync(GOLDEN)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => (JSON.parse(readFileSync(path.join(GOLDEN, f), 'utf8')) as { sections: Array<{ tables: Table[] }> }).sections.flatMap((s) => s.tables.map((t) => ({ file: f, ...t }))));

describe('report table columns', () => {
  it('covers the tables of every report type', () => {
    expect(new Set(tables.map((t) => t.id)).size).toBeGreaterThan(25);
    for (const id of ['agent_risk', 'agent_drift', 'decisions_by_day', 'statement_of_applicability', 'posture_trend']) expect(tables.map((t) => t.id)).toContain(id);
  });

  it('has a label written for every column', () => {
    const missing = [...new Set(tables.flatMap((t) => t.columns.filter((c) => !isLabelled(c)).map((c) => `${t.id}.${c}`)))];
    expect(missing).toEqual([]);
  });

  it('prints a column of numbers as numbers', () => {
    const wrong = new Set<string>();
    for (const t of tables) {
      const { shown } = tableLayout(t.columns);
      for (const c of shown) {
        const cells = t.rows.map((r) => r[c.index]).filter((v) => v !== null && v !== undefined);
        if (cells.length && cells.every((v) => typeof v === 'number') && !c.numeric) wrong.add(`${t.id}.${c.id}`);
      }
    }
    expect([...wrong]).toEqual([]);
  });

  it('formats numbers for reading, ids as they are', () => {
    expect(formatCell(1234567, 'count')).toBe('1,234,567');
    expect(formatCell(3.14159, 'number')).toBe('3.14');
    expect(formatCell(1234.5, 'usd')).toBe('$1,234.50');
    expect(formatCell(50001, 'id')).toBe('50001');
    expect(formatCell('2026-01-02T14:03:09.123Z', 'time')).toBe('2026-01-02 14:03 UTC');
  });
});

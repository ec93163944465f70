/**
 * Links the service sends away (webhook and e-mail payloads, posture alerts) are absolute even
 * without PUBLIC_URL: a receiver cannot resolve a path relative to an address it never saw.
 */
import os from 'node:os';
import { expect, it } from 'vitest';
import { loadConfig, publicBaseUrl } from '../src/config.ts';
import { evidenceUrl } from '../src/reports/posture.ts';

const config = (env: Record<string, string>) => loadConfig({ DATABASE_URL: 'postgres://unused@127.0.0.1/none', ...env });

it('takes PUBLIC_URL as it is configured, without a trailing slash', () => {
  expect(publicBaseUrl(config({ PUBLIC_URL: 'https://reports.example.com/' }))).toBe('https://reports.example.com');
  expect(evidenceUrl({ config: config({ PUBLIC_URL: 'https://reports.example.com/' }) }, 'soc2', 'CC6.1', 'policy coverage')).toBe('https://reports.example.com/#/posture/soc2/CC6.1/policy%20coverage');
});

it('derives the base from HOST and PORT without PUBLIC_URL, never a relative or portless link', () => {
  expect(publicBaseUrl(config({ HOST: '127.0.0.1', PORT: '4100' }))).toBe('http://127.0.0.1:4100');
  expect(publicBaseUrl(config({ HOST: '::1', PORT: '4100' }))).toBe('http://[::1]:4100');
  // A wildcard address is no place to connect to: the machine's host name stands in for it.
  expect(publicBaseUrl(config({ HOST: '0.0.0.0', PORT: '4100' }))).toBe(`http://${os.hostname()}:4100`);
  expect(evidenceUrl({ config: config({ HOST: '0.0.0.0', PORT: '4100' }) }, 'governance', 'GOV-1', 'policy-coverage')).toBe(`http://${os.hostname()}:4100/#/posture/governance/GOV-1/policy-coverage`);
});

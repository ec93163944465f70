/**
 * A connection lost while postgres.js reads the server's array types (the
 * first thing every new connection asks) fails the query that waited on it
 * and nothing else: before the patch in patches/, that read's own rejection
 * was left unhandled and crashed the process (met when PostgreSQL restarted
 * under an ingest).
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connect } from '../src/db/client.ts';
import { databaseUrl } from './support/app.ts';

let proxy: Server;
let proxyPort: number;
const sockets = new Set<Socket>();

/** Forwards to PostgreSQL and resets the connection the moment the client asks for pg_type. */
beforeAll(async () => {
  const target = new URL(databaseUrl());
  proxy = createServer((client) => {
    const server = createConnection({ host: target.hostname, port: Number(target.port || 5432) });
    sockets.add(client).add(server);
    client.on('data', (chunk) => {
      if (chunk.includes('pg_catalog.pg_type')) {
        client.resetAndDestroy(); // ECONNRESET, as from a server that went away
        server.destroy();
      } else server.write(chunk);
    });
    server.on('data', (chunk) => client.write(chunk));
    client.on('error', () => server.destroy());
    server.on('error', () => client.destroy());
    client.on('close', () => server.destroy());
    server.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyPort = (proxy.address() as { port: number }).port;
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => proxy.close(resolve));
});

it('fails the waiting query, and leaves no rejection unhandled, when the connection drops while types are read', async () => {
  const unhandled: unknown[] = [];
  const record = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', record);
  const url = new URL(databaseUrl());
  url.hostname = '127.0.0.1';
  url.port = String(proxyPort);
  const database = connect(url.toString(), { max: 1 });
  try {
    await expect(database.sql`select 1 as one`).rejects.toMatchObject({ code: expect.stringMatching(/ECONNRESET|CONNECTION_CLOSED|CONNECTION_ENDED|EPIPE/) });
    // An unhandled rejection is reported on a later turn of the event loop.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(unhandled).toEqual([]);
  } finally {
    process.off('unhandledRejection', record);
    await database.sql.end({ timeout: 0 });
  }
});

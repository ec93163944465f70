/** Imports every domain's types and exports the schema. */
import { builder } from './builder.ts';
import './organization.ts';
import './events.ts';
import './reports.ts';
import './findings.ts';
import './frameworks.ts';
import './signing.ts';
import './downloads.ts';
import './sharing.ts';
import './schedules.ts';
import './notifications.ts';
import './applicability.ts';
import './exports.ts';
import './packages.ts';
import './storage.ts';
import './posture.ts';
import './scoring.ts';

export const schema = builder.toSchema({ sortSchema: false });

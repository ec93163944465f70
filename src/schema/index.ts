/** Imports every domain's types and exports the schema. */
import { builder } from './builder.ts';
import './organization.ts';
import './events.ts';

export const schema = builder.toSchema({ sortSchema: false });

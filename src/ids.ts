const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Malformed ids are simply not found; they never reach SQL as a type error. */
export const isUuid = (value: string) => UUID.test(value);

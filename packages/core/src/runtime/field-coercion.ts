/** Moved to `protocol/field-coercion.ts` (the sandbox server now uses it by default); kept for existing imports. */
export { coerceField } from "../protocol/field-coercion.js";

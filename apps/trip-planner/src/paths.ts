/**
 * Folders the app reads at run time. This file sits one level below the app's root both as `src/paths.ts`
 * (tests, tsx) and as `dist/paths.js` (npm start), so the same relative URL works for both.
 */
import { fileURLToPath } from "node:url";

export const appRoot = fileURLToPath(new URL("..", import.meta.url));
export const danaModulesDirectory = fileURLToPath(new URL("../dana", import.meta.url));
export const dataDirectory = fileURLToPath(new URL("../data", import.meta.url));
export const publicDirectory = fileURLToPath(new URL("../public", import.meta.url));

// A module resolution hook (node --import) that fails any import of apache-arrow or danfojs, so a test can show
// which entry points load them.
import { register } from "node:module";

register(
  `data:text/javascript,${encodeURIComponent(`
    export async function resolve(specifier, context, next) {
      if (/^(apache-arrow|danfojs)(\\/|$)/.test(specifier)) throw new Error("loaded " + specifier);
      return next(specifier, context);
    }
  `)}`,
);

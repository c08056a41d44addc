/**
 * File reads for module resolution and `ctx.run(file)`, confined to allowed roots.
 *
 * A path is readable only when both its lexical form and its real path (after following symlinks) lie inside
 * one of the roots' real paths: `..` segments cannot climb out, and a symlink planted inside a root cannot
 * point outside it. A read outside is a `CapabilityDeniedError` that names the roots and how to grant more.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { CapabilityDeniedError } from "../errors/classes.js";

export interface ConfinedFileSystem {
  readonly roots: readonly string[];
  readFile(path: string): string | null;
  isDirectory(path: string): boolean;
  listDirectory(path: string): string[];
  /** The real path of a readable file, null when it does not exist, or a `CapabilityDeniedError`. */
  confine(path: string): string | null;
}

function isInside(root: string, path: string): boolean {
  if (path === root) return true;
  const difference = relative(root, path);
  return difference !== "" && !difference.startsWith(`..${sep}`) && difference !== ".." && !isAbsolute(difference);
}

function realRoot(root: string): string | null {
  try {
    return realpathSync(resolve(root));
  } catch {
    return null; // a root that does not exist confines nothing and grants nothing
  }
}

export function createConfinedFileSystem(rootPaths: readonly string[]): ConfinedFileSystem {
  const roots = [...new Set(rootPaths.map(realRoot).filter((root): root is string => root !== null))];

  const deny = (path: string, why: string): never => {
    const allowed = roots.length === 0 ? "no folder is readable" : `readable folders: ${roots.join(", ")}`;
    const message =
      `reading '${path}' is not allowed: ${why} (${allowed}). ` +
      `Add its folder to the context's modulePaths or grant { type: "fs:read", roots: ["<folder>"] } in capabilities.`;
    throw new CapabilityDeniedError({ danaType: "CapabilityDeniedError", danaMessage: message, capability: "fs:read" });
  };

  /** Null when the path does not exist; throws when it exists outside every root. */
  const realPathOf = (path: string): string | null => {
    const absolute = resolve(path);
    if (!roots.some((root) => isInside(root, absolute))) {
      // Lexically outside: check the real path too, for roots that are themselves reached through symlinks.
      let real: string;
      try {
        real = realpathSync(absolute);
      } catch {
        return deny(path, "it is outside the allowed roots");
      }
      if (!roots.some((root) => isInside(root, real))) return deny(path, "it is outside the allowed roots");
      return real;
    }
    let real: string;
    try {
      real = realpathSync(absolute);
    } catch {
      return null;
    }
    if (!roots.some((root) => isInside(root, real)))
      return deny(path, `it is a symlink to '${real}', outside the allowed roots`);
    return real;
  };

  return {
    roots,
    readFile(path) {
      const real = realPathOf(path);
      if (real === null) return null;
      try {
        return readFileSync(real, "utf8");
      } catch {
        return null;
      }
    },
    isDirectory(path) {
      try {
        const real = realPathOf(path);
        return real !== null && statSync(real).isDirectory();
      } catch (error) {
        if (CapabilityDeniedError.isInstance(error)) return false;
        throw error;
      }
    },
    listDirectory(path) {
      const real = realPathOf(path);
      if (real === null) return [];
      try {
        return readdirSync(real);
      } catch {
        return [];
      }
    },
    confine(path) {
      return realPathOf(path);
    },
  };
}

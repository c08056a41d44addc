/**
 * Where a comment on its own line may sit.
 *
 * In the reference grammar a comment line is a statement (`comment_stmt`),
 * so it takes part in indentation like code does: it must sit at a level the
 * surrounding code could legally use at that point (spec 1.1, a kept DIFF).
 * Given the comment lines between two code lines, this finds the misplaced ones.
 */
import type { Span } from "../source.js";

export interface PendingComment {
  /** Indentation width (tabs to the next multiple of 8). */
  readonly width: number;
  readonly span: Span;
}

export interface LayoutContext {
  /** The open indentation levels before the comments, outermost first. */
  readonly indentStack: readonly number[];
  /** Indentation of the next code line (0 at the end of the file). */
  readonly nextWidth: number;
  readonly atEnd: boolean;
  /** The previous code line ended with ':' (a block must open). */
  readonly expectsBlock: boolean;
}

export function misindentedComments(comments: readonly PendingComment[], context: LayoutContext): PendingComment[] {
  const { indentStack, nextWidth, atEnd, expectsBlock } = context;
  const top = indentStack[indentStack.length - 1] ?? 0;
  if (expectsBlock) {
    // The comments open the block, so they must sit where its first statement does.
    // A missing block is the parser's error to report, not the comments'.
    if (atEnd || nextWidth <= top) return [];
    return comments.filter((comment) => comment.width !== nextWidth);
  }
  // Otherwise comments may only step out of open blocks, never in, and never past the next line's level.
  const targetIsValid = nextWidth === top || (nextWidth < top && indentStack.includes(nextWidth));
  let ceiling = top;
  const misplaced: PendingComment[] = [];
  for (const comment of comments) {
    const valid =
      indentStack.includes(comment.width) && comment.width <= ceiling && (!targetIsValid || comment.width >= nextWidth);
    if (valid) ceiling = comment.width;
    else misplaced.push(comment);
  }
  return misplaced;
}

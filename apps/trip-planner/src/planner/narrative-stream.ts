/**
 * Streams the narrative from the model through the gateway's LLM pool (`runtime.getLLM().stream`), passing text
 * deltas on as they arrive. Dana's `reason()` returns whole answers only, so the streaming endpoint builds its
 * prompt in Dana (`planner.narrative_prompt`) and streams the same JSON-Schema-shaped request here; the final
 * text is then validated with the same zod schema the non-streaming path uses.
 */
import type { LLMPool } from "@dana-gateway/llm-pool";
import { type Narrative, NarrativeSchema } from "../schemas.js";
import { NarrativeError } from "./errors.js";

export interface NarrativeStreamRequest {
  readonly prompt: string;
  readonly system: string;
  readonly schema: Record<string, unknown>;
  readonly signal: AbortSignal;
  readonly onDelta: (text: string) => void;
}

export async function streamNarrative(pool: LLMPool, request: NarrativeStreamRequest): Promise<Narrative> {
  let text: string | null = null;
  for await (const part of pool.stream({
    prompt: request.prompt,
    system: request.system,
    schema: request.schema,
    temperature: 0,
    signal: request.signal,
  })) {
    if (part.type === "text-delta") request.onDelta(part.text);
    else if (part.type === "text-end") text = part.text;
    else if (part.type === "error") throw part.error;
  }
  if (text === null) throw new NarrativeError("the model's stream ended without an answer");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new NarrativeError("the model did not answer with JSON", { cause: error });
  }
  const result = NarrativeSchema.safeParse(parsed);
  if (!result.success)
    throw new NarrativeError("the model's narrative did not match its schema", { cause: result.error });
  return result.data;
}

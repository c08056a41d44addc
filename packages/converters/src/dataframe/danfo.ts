/**
 * The slice of danfojs this package uses, typed structurally so that nothing here imports danfojs: it takes
 * ~0.5–2 s to load (it bundles TensorFlow.js), so it is loaded only by `registerDataFrame()`.
 */
export interface DanfoDataFrame {
  readonly columns: string[];
  readonly dtypes: string[];
  readonly index: (string | number)[];
  readonly shape: number[];
  /** Column-major data, cached by danfojs: reading it copies nothing. */
  readonly getColumnData: unknown[][];
}

export interface DanfoModule {
  readonly DataFrame: new (
    data: Record<string, unknown[]> | unknown[],
    options?: { columns?: string[]; dtypes?: string[]; index?: (string | number)[] },
  ) => DanfoDataFrame;
}

/** Loads danfojs (its CommonJS bundle arrives as the namespace's default export under ESM). */
export async function loadDanfo(): Promise<DanfoModule> {
  const loaded = (await import("danfojs")) as unknown as DanfoModule & { default?: DanfoModule };
  return loaded.default?.DataFrame ? loaded.default : loaded;
}

// Public surface of the evaluator (Interpreter). Owned by the runtime work.
export {};

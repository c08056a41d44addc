import { danaProject } from "../../vitest.shared.js";

export default danaProject("llm-pool");

import { danaProject } from "../../vitest.shared.js";

export default danaProject("trip-planner");

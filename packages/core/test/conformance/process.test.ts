import { describeConformance } from "./conformance.js";

describeConformance("process");

import { describeConformance } from "./conformance.js";

describeConformance("worker");

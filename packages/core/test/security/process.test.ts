import { describeDeepValuesSuite } from "./deep-values-suite.js";
import { describeEscapeSuite } from "./escape-suite.js";
import { describeInjectionSuite } from "./injection-suite.js";

describeEscapeSuite("process");
describeInjectionSuite("process");
describeDeepValuesSuite("process");

import { describeDeepValuesSuite } from "./deep-values-suite.js";
import { describeEscapeSuite } from "./escape-suite.js";
import { describeInjectionSuite } from "./injection-suite.js";

describeEscapeSuite("inprocess");
describeInjectionSuite("inprocess");
describeDeepValuesSuite("inprocess");

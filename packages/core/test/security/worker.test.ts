import { describeEscapeSuite } from "./escape-suite.js";

describeEscapeSuite("worker");

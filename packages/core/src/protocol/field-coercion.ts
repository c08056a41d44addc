/**
 * Struct field writes from TypeScript (`obj.set("age", 3)`) follow the same rule as a Dana assignment to a
 * field: the language's strict field validation (int → float and dict → struct are the only conversions).
 */
import {
  type DanaInterpreter,
  type DanaStructInstance,
  DanaStructType,
  defaultLimits,
  type RuntimeServices,
  type Value,
  validateFieldValue,
} from "@dana-gateway/lang";

export function coerceField(
  instance: DanaStructInstance,
  field: string,
  value: Value,
  interpreter: DanaInterpreter,
): Value {
  const services: RuntimeServices = {
    limits: defaultLimits,
    writeStdout: () => {},
    log: () => {},
    call: (callee, positional, keywords) => interpreter.callSync(callee, positional, keywords),
    findStruct: (name) => {
      const found = interpreter.getGlobal(name);
      return found instanceof DanaStructType ? found : undefined;
    },
  };
  return validateFieldValue(instance.type, field, value, services);
}

/** The far side of the raw child-process peer: answers every IPC message with itself. */
process.on("message", (message) => process.send?.(message));
process.on("disconnect", () => process.exit(0));

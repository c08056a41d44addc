console.log("bench: suites land with packages/bench");

#!/usr/bin/env node
console.log("dana: the CLI lands with the language runtime");

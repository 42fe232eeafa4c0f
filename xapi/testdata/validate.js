// Reads a JSON array of xAPI statements on stdin and checks each with
// Learning Locker's validator (npm xapi-validation): one line per problem
// on stdout, exit 1 if there is any.
const validate = require("xapi-validation").default;
let input = "";
process.stdin.on("data", (d) => { input += d; });
process.stdin.on("end", () => {
  const statements = JSON.parse(input);
  let bad = 0;
  statements.forEach((s, i) => {
    for (const w of validate(s)) {
      bad++;
      console.log(`statement ${i} (${s.id}): ${w.constructor.name} at ${w.path.join(".")}: ${JSON.stringify(w.data)}`);
    }
  });
  process.exit(bad > 0 ? 1 : 0);
});

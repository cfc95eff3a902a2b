// A package exported on another Shinsa server, for the tests of receiving
// one (receiveaudit, inboxreceive): a second database in dir where the
// connector named name answers every item it must, submits and exports
// version 1 to dir/file. Returns the zip's path and the connector's
// public key (hex).
import { execFileSync } from "node:child_process";
import { join } from "node:path";

export function shinsa(env, ...args) {
  return execFileSync(process.env.SHINSA, args, { env: { ...process.env, ...env }, stdio: "pipe" }).toString();
}

export function packageFromElsewhere(dir, name, file = "p.zip") {
  const other = { SHINSA_DB: join(dir, "other.db") };
  shinsa(other, "init");
  shinsa(other, "org", "add", "--kind", "connector", "--name", name);
  for (const n of [...Array(38).keys()].map((i) => i + 1).concat([44]))
    shinsa(other, "answers", "set", "--org", name, "--item", String(n), "--status", "implemented", "--current", `第${n}項: 対応済み。`);
  shinsa(other, "submit", "--org", name);
  shinsa(other, "submission", "export", "1", "-o", join(dir, file));
  return { zip: join(dir, file), publicKey: JSON.parse(shinsa(other, "org", "list", "--json"))[0].public_key };
}

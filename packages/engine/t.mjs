import { DuckDBInstance } from '@duckdb/node-api';
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
const q = async (s) => {
  try {
    const r = await c.runAndReadAll(s);
    console.log(JSON.stringify(r.getRowObjectsJson()));
  } catch (e) {
    console.log('ERR', e.message);
  }
};
await q(
  "create table t as select * from read_csv('/tmp/x.csv', all_varchar=true, header=true, store_rejects=true, auto_detect=false, columns={'a':'VARCHAR','b':'VARCHAR','c':'VARCHAR'}, delim=',', quote='\"', escape='\"', null_padding=false, strict_mode=true)",
);
await q('select rowid, * from t');
await q('select * exclude (scan_id, file_id) from reject_errors');
await q('select * from reject_scans');
await q("select * from read_csv('/tmp/x.csv', all_varchar=true, header=true, encoding='latin-1')");

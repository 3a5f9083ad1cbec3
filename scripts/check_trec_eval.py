#!/usr/bin/env python3
"""Check `chronicle eval` against pytrec_eval (trec_eval 9) on the run files of a relevance_table.py
work directory. Outside the test suite; needs `pip install pytrec_eval-terrier`.

    python3 scripts/check_trec_eval.py WORKDIR target/release/chronicle [--param NAME=VALUE ...]

Pass the same --param values the table was run with, so both evaluate the same rankings.
MRR@10 is trec_eval `recip_rank` on the run cut to its top 10 in trec_eval order (ir-measures RR@10).
"""
import json, subprocess, sys, pytrec_eval
from pathlib import Path
root = Path(sys.argv[1]); chron = sys.argv[2]
worst = 0.0
for c in ["cranfield","cisi","med","cacm","npl","adi","lisa"]:
    d = root/c
    qrels = {}
    for l in open(d/"qrels.txt"):
        q,_,doc,r = l.split(); qrels.setdefault(q,{})[doc]=int(r)
    for label in ["chronicle","baseline"]:
        run = {}
        for l in open(d/f"{label}.run"):
            q,_,doc,rank,score,tag = l.split(); run.setdefault(q,{})[doc]=float(score)
        ev = pytrec_eval.RelevanceEvaluator(qrels, {"ndcg_cut.10","map","P.10","recall.100"})
        res = ev.evaluate(run)
        # RR@10 = recip_rank on the run cut at 10 by trec_eval's order (score desc, docno desc)
        def cut(docs):
            items = sorted(docs.items(), key=lambda kv: kv[0], reverse=True)
            items.sort(key=lambda kv: kv[1], reverse=True)
            return dict(items[:10])
        rr = pytrec_eval.RelevanceEvaluator(qrels, {"recip_rank"}).evaluate({q:cut(d_) for q,d_ in run.items()})
        ours = json.loads(subprocess.run([chron,"eval","--index",str(d/"index"),"--queries",str(d/"queries.tsv"),"--qrels",str(d/"qrels.txt"),"--json"]+(["--baseline"] if label=="baseline" else [])+sys.argv[3:],capture_output=True,text=True,check=True).stdout)
        n = len(res)
        keys = [("ndcg_10","ndcg_cut_10"),("map","map"),("p_10","P_10"),("recall_100","recall_100")]
        line = []
        for ok, pk in keys:
            m = sum(v[pk] for v in res.values())/n
            diff = abs(m - ours["mean"][ok]); worst = max(worst, diff)
            line.append(f"{ok} {ours['mean'][ok]:.4f}/{m:.4f}")
            for q in ours["queries"]:
                worst = max(worst, abs(q[ok]-res[q["query"]][pk]))
        m = sum(v["recip_rank"] for v in rr.values())/len(rr)
        worst = max(worst, abs(m-ours["mean"]["mrr_10"]))
        line.append(f"mrr_10 {ours['mean']['mrr_10']:.4f}/{m:.4f}")
        assert n == ours["evaluated"], (n, ours["evaluated"])
        print(c, label, n, "  ".join(line))
print("largest absolute difference, per query or mean:", worst)

# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Library search time for 10 documents against 10,000, in one run.

Creates 10 library documents through the ORM (real PDFs, text extracted on
upload), measures search_library() as a member (record rules included),
then adds 9,990 rows of generated text (about 1,500 words each, the
searched phrases in 5 %, 1 % and 30 % of them; sharing one stored file: the
search reads the words, not the file) and measures again. Everything is
rolled back at the end.

    tools/odoo shell -c .odoo.conf -d DB --no-http < bench/library_search.py

Not part of the test suite.
"""
import base64
import random
import statistics
import time

from odoo.addons.paperless_meeting.models.paperless_library_document import (
    fold, text_to_pdf)

# Filler: a vocabulary of a few thousand two-syllable words, as real texts
# have; the searched phrases appear in a known share of the documents.
SYLLABLES = ("an bao binh cao chinh cong dan dang dau dien doan duong giao "
             "hanh hoa hoc khoa kinh lao luat minh nam ngan nghiep nhan phat "
             "phong quan quoc sach san tai tam thanh thong tinh to trong truong "
             "van viet xa xay").split()
PHRASES = (("chuyển đổi số", 0.05), ("tham nhũng lãng phí", 0.01),
           ("nghị quyết trung ương", 0.3))
QUERIES = ("chuyển đổi số", "chuyen doi so", "tham nhung lang phi",
           "nghị quyết trung ương", "xyzzy không có")
RUNS = 15


def text(rng, words=1500):
    body = ["%s %s" % (rng.choice(SYLLABLES), rng.choice(SYLLABLES))
            for _ in range(words // 2)]
    for phrase, share in PHRASES:
        if rng.random() < share:
            body.insert(rng.randrange(len(body)), phrase)
    return " ".join(body)


def timings(Library):
    result = {}
    for query in QUERIES:
        samples = []
        for _ in range(RUNS):
            start = time.perf_counter()
            found = Library.search_library(query, limit=20)
            samples.append(time.perf_counter() - start)
        result[query] = (statistics.median(samples) * 1000, found["count"])
    return result


def main(env):
    rng = random.Random(11)
    secretary = env["res.users"].with_context(no_reset_password=True).create({
        "name": "Bench Office", "login": "bench_library_office",
        "groups_id": [(6, 0, [env.ref(
            "paperless_meeting.group_paperless_secretary").id])]})
    member = env["res.users"].with_context(no_reset_password=True).create({
        "name": "Bench Member", "login": "bench_library_member",
        "groups_id": [(6, 0, [env.ref(
            "paperless_meeting.group_paperless_member").id])]})
    Library = env["paperless.library.document"]
    existing = Library.search_count([])
    for number in range(10):
        Library.sudo(secretary).create({
            "name": "Văn kiện %d" % number, "datas_fname": "%d.pdf" % number,
            "datas": base64.b64encode(text_to_pdf(text(rng, 400), "bench"))})
    small = timings(Library.sudo(member))
    first = Library.search([], limit=1)
    cr = env.cr
    for start in range(0, 9990, 500):
        rows = []
        for number in range(start, min(start + 500, 9990)):
            body = text(rng)
            rows.append((first.document_id.id, first.company_id.id,
                         fold("Văn kiện số %d" % number), body, fold(body)))
        # Bulk rows for the bench only; the ORM path is measured above.
        cr.executemany(
            "INSERT INTO paperless_library_document (document_id, company_id, "
            "search_title, text_content, search_text) VALUES (%s, %s, %s, %s, %s)",
            rows)
    cr.execute("ANALYZE paperless_library_document")
    large = timings(Library.sudo(member))
    print("Library search, median of %d runs, as a member (rules applied):" % RUNS)
    print("%-26s %18s %22s" % ("query", "%d documents" % (existing + 10),
                               "%d documents" % (existing + 10000)))
    for query in QUERIES:
        print("%-26s %10.1f ms (%3d) %12.1f ms (%5d)" % (
            query, small[query][0], small[query][1], large[query][0],
            large[query][1]))
    # The plan search_library() gets (it forces the index; see _match).
    cr.execute("SET LOCAL enable_seqscan = off")
    cr.execute(
        "EXPLAIN SELECT id FROM paperless_library_document "
        "WHERE search_vector @@ to_tsquery('simple', 'tham:* & nhung:*')")
    plan = " ".join(row[0] for row in cr.fetchall())
    print("index used:", "paperless_library_document_vector_idx" in plan)
    cr.rollback()


main(env)  # noqa: F821 (odoo shell's env)

-- Issue 5, the remaining gaps: withdrawing a document from an archive file, and the labels of
-- scanned master-register pages attached to a range of register numbers. Stay within
-- PostgreSQL 15.

-- An archive never silently deletes (Luật Lưu trữ 2024): a document taken out of a file stays
-- recorded with when, by whom and why. Readers no longer see it; archivists see it marked
-- "đã rút" with the reason; the file's document count leaves it out.
ALTER TABLE archive_documents
  ADD COLUMN withdrawn_at timestamptz,
  ADD COLUMN withdrawn_by uuid REFERENCES users(id),
  ADD COLUMN withdrawn_reason text
    CHECK (withdrawn_reason = normalize(withdrawn_reason, NFC) AND length(withdrawn_reason) BETWEEN 5 AND 2000),
  ADD COLUMN updated_at timestamptz,
  ADD CONSTRAINT archive_documents_withdrawal CHECK ((withdrawn_at IS NULL) = (withdrawn_reason IS NULL));

-- A scanned page of a master register (Thông tư 21/2019/TT-BGDĐT: the register is kept; its scan
-- backs every entry written on the page), with the label the clerk gave it ("Trang 12") and the
-- range of register numbers it was attached to. The entries themselves hold the file in
-- page_file_ids (0022); this row says what the page is.
CREATE TABLE diploma_register_pages (
  register_id uuid NOT NULL REFERENCES diploma_registers(id),
  file_id uuid NOT NULL REFERENCES stored_files(id),
  label text CHECK (label = normalize(label, NFC) AND length(label) BETWEEN 1 AND 100),
  from_no int NOT NULL CHECK (from_no >= 1),
  to_no int NOT NULL,
  CHECK (to_no >= from_no),
  attached_by uuid REFERENCES users(id),
  attached_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (register_id, file_id)
);

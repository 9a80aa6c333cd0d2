-- Resumable uploads (tus 1.0.0, platform/uploads): one row per upload in progress or finished.
-- The bytes received so far sit in a temporary file under DATA_DIR/uploads on the node that
-- received them; `upload_offset` is how many of them are fsync'd and acknowledged.
CREATE TABLE uploads (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_id uuid NOT NULL REFERENCES users(id),
  -- What the file is for (`library`…): decides the accepted types (uploads/purposes.ts).
  purpose text NOT NULL CHECK (purpose ~ '^[a-z][a-z0-9_.-]{0,39}$'),
  filename text NOT NULL CHECK (filename = normalize(filename, NFC) AND length(filename) <= 255),
  -- What the client said the type is (Upload-Metadata filetype); never trusted, kept for support.
  declared_type text CHECK (length(declared_type) <= 255),
  upload_length bigint NOT NULL CHECK (upload_length >= 0),
  upload_offset bigint NOT NULL DEFAULT 0 CHECK (upload_offset >= 0 AND upload_offset <= upload_length),
  state text NOT NULL DEFAULT 'receiving' CHECK (state IN ('receiving', 'complete', 'refused')),
  file_id uuid REFERENCES stored_files(id),
  -- The bytes were already stored (same SHA-256): file_id is the earlier file.
  duplicate boolean NOT NULL DEFAULT false,
  refused_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- An upload still receiving after this is purged with its temporary file.
  expires_at timestamptz NOT NULL,
  CHECK ((state = 'complete') = (file_id IS NOT NULL))
);
-- The per-user limit of uploads in progress counts these.
CREATE INDEX uploads_owner_receiving ON uploads (owner_id) WHERE state = 'receiving';
-- The purge job walks these.
CREATE INDEX uploads_receiving_expiry ON uploads (expires_at) WHERE state = 'receiving';
CREATE INDEX uploads_file ON uploads (file_id) WHERE file_id IS NOT NULL;

-- Identical uploaded files are stored once (uploads/<yyyy>/<sha256>): the second upload of the
-- same bytes finds the first by its SHA-256, and two racing uploads cannot both insert.
CREATE UNIQUE INDEX stored_files_upload_sha ON stored_files (sha256) WHERE storage_key LIKE 'uploads/%';

-- Small previews of stored files (images: 320 px wide WebP), each a stored file of its own.
CREATE TABLE stored_file_thumbnails (
  file_id uuid PRIMARY KEY REFERENCES stored_files(id),
  thumbnail_id uuid NOT NULL REFERENCES stored_files(id),
  width integer NOT NULL CHECK (width > 0),
  height integer NOT NULL CHECK (height > 0),
  created_at timestamptz NOT NULL DEFAULT now()
);

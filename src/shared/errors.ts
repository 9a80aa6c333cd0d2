/**
 * The one error vocabulary of giaoducso (server and web). Every code says when it is thrown,
 * the HTTP status it maps to, and its message in Vietnamese (first) and English.
 * Add new codes here; never reuse a code for a different meaning.
 */
export const ERROR_CATALOGUE = {
  /** A request body, query or parameter failed its Zod schema. */
  'request.invalid': { status: 400, vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The request data is invalid.' },
  /** The request has no valid session (not logged in, or the session expired). */
  'auth.required': { status: 401, vi: 'Vui lòng đăng nhập.', en: 'Please sign in.' },
  /** Username or password wrong (deliberately not saying which). */
  'auth.invalid_credentials': {
    status: 401,
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'Wrong username or password.',
  },
  /** Too many failed logins: the account is locked until a time. */
  'auth.locked': {
    status: 423,
    vi: 'Tài khoản tạm bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau.',
    en: 'The account is temporarily locked after repeated failed sign-ins. Please try again later.',
  },
  /** Too many attempts from one client address in a short time. */
  'auth.throttled': {
    status: 429,
    vi: 'Bạn đã thử quá nhiều lần. Vui lòng chờ một lát rồi thử lại.',
    en: 'Too many attempts. Please wait a moment and try again.',
  },
  /** The account is disabled by an administrator. */
  'auth.disabled': { status: 403, vi: 'Tài khoản đã bị vô hiệu hóa.', en: 'The account is disabled.' },
  /** The user must change an initial or reset password before doing anything else. */
  'auth.password_change_required': {
    status: 403,
    vi: 'Bạn cần đổi mật khẩu trước khi tiếp tục.',
    en: 'You must change your password before continuing.',
  },
  /** Current password wrong when changing password. */
  'auth.wrong_password': { status: 400, vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' },
  /** New password does not meet the policy. */
  'auth.weak_password': {
    status: 400,
    vi: 'Mật khẩu mới phải có ít nhất 10 ký tự, gồm chữ và số, và khác mật khẩu cũ.',
    en: 'The new password must have at least 10 characters, letters and digits, and differ from the old one.',
  },
  /** A cookie-authenticated write came without the matching CSRF token or from another origin. */
  'auth.csrf': {
    status: 403,
    vi: 'Yêu cầu không hợp lệ (mã chống giả mạo). Vui lòng tải lại trang.',
    en: 'Invalid request (anti-forgery token). Please reload the page.',
  },
  /** The actor lacks the permission on the unit concerned. */
  'access.denied': {
    status: 403,
    vi: 'Bạn không có quyền thực hiện thao tác này.',
    en: 'You do not have permission to do this.',
  },
  /** The record does not exist (or is outside what the actor may see). */
  'resource.not_found': { status: 404, vi: 'Không tìm thấy dữ liệu.', en: 'Not found.' },
  /** A unique value (code, username…) is already used. */
  'resource.conflict': { status: 409, vi: 'Dữ liệu bị trùng.', en: 'This value is already in use.' },
  /** The record changed since it was read (optimistic concurrency). */
  'resource.stale': {
    status: 409,
    vi: 'Dữ liệu đã được người khác thay đổi. Vui lòng tải lại.',
    en: 'The record was changed by someone else. Please reload.',
  },
  /** An organisation-tree operation breaks a rule (cycle, expired unit, wrong parent type…). */
  'org.invalid_operation': {
    status: 422,
    vi: 'Thao tác trên cây tổ chức không hợp lệ.',
    en: 'Invalid operation on the organisation tree.',
  },
  /** An uploaded file is not of an accepted type or too large. */
  'file.invalid': { status: 400, vi: 'Tệp tải lên không hợp lệ.', en: 'The uploaded file is invalid.' },
  /** An import file had row errors; nothing was written. */
  'import.invalid_rows': {
    status: 422,
    vi: 'Tệp nhập có dòng lỗi; chưa có dữ liệu nào được ghi.',
    en: 'The import file has invalid rows; nothing was written.',
  },
  /** A dossier cannot take this step from its current state (e.g. approve a withdrawn dossier). */
  'dossier.invalid_transition': {
    status: 409,
    vi: 'Hồ sơ không thể chuyển sang trạng thái này từ trạng thái hiện tại.',
    en: 'The dossier cannot take this step from its current state.',
  },
  /** The procedure's window is closed: it no longer accepts new dossiers or changes. */
  'dossier.window_closed': {
    status: 422,
    vi: 'Đã hết thời hạn tiếp nhận hoặc chỉnh sửa hồ sơ.',
    en: 'The period for filing or changing this dossier has ended.',
  },
  /** The same person already has an active dossier for this procedure or round. */
  'dossier.duplicate': {
    status: 409,
    vi: 'Đã có một hồ sơ đang hiệu lực cho người này; hãy tra cứu hoặc chỉnh sửa hồ sơ đó.',
    en: 'This person already has an active dossier; look it up or edit that one.',
  },
  /** A one-time code is wrong, expired or used up. */
  'otp.invalid': {
    status: 400,
    vi: 'Mã xác thực không đúng hoặc đã hết hạn.',
    en: 'The verification code is wrong or has expired.',
  },
  /** Too many one-time codes were asked for one phone, e-mail or client in a short time. */
  'otp.too_many': {
    status: 429,
    vi: 'Bạn đã yêu cầu quá nhiều mã xác thực. Vui lòng chờ vài phút rồi thử lại.',
    en: 'Too many verification codes were requested. Please wait a few minutes and try again.',
  },
  /**
   * The population registry has no one with this identification number and date of birth.
   * Never a dead end (HCMC 2024–26): the citizen may still apply with documents as evidence.
   */
  'population.not_found': {
    status: 404,
    vi: 'Chưa tìm thấy thông tin với số định danh và ngày sinh này. Hãy kiểm tra lại; nếu thông tin đúng, bạn vẫn có thể nộp hồ sơ và tải lên giấy tờ chứng minh.',
    en: 'No record matches this identification number and date of birth. Please check them; if they are right, you can still apply and upload documents as evidence.',
  },
  /** Grade-10 exam scores cannot change once the round has a final allocation run. */
  'admissions.scores_frozen': {
    status: 409,
    vi: 'Điểm thi đã được khóa vì kỳ tuyển sinh đã có lần xét tuyển chính thức.',
    en: 'Exam scores are frozen: the round already has a final allocation run.',
  },
  /** An application of a round whose allocation has begun (or is published) cannot change. */
  'admissions.round_locked': {
    status: 409,
    vi: 'Kỳ tuyển sinh đã bước vào xét tuyển hoặc đã công bố kết quả: hồ sơ không thể thay đổi nữa. Vui lòng liên hệ nhà trường.',
    en: 'The round is being allocated or its results are published: the application can no longer change. Please contact the school.',
  },
  /** A grade-10 allocation run was asked for while some applications have no exam scores. */
  'admissions.scores_missing': {
    status: 422,
    vi: 'Còn hồ sơ chưa có điểm thi; hãy nhập điểm (hoặc ghi vắng thi) trước khi xét tuyển.',
    en: 'Some applications have no exam scores; record them (or mark the candidate absent) before allocating.',
  },
  /** The rate limit of a public endpoint was exceeded. */
  'rate.limited': {
    status: 429,
    vi: 'Quá nhiều yêu cầu. Vui lòng thử lại sau.',
    en: 'Too many requests. Please try again later.',
  },
  // ── Admission results (src/server/modules/admissions/results) ──
  /** The round's results are not published yet (the hint says when they are expected). */
  'admissions.results_not_published': {
    status: 409,
    vi: 'Kết quả tuyển sinh chưa được công bố.',
    en: 'The admission results have not been published yet.',
  },
  /** Only an admitted application whose seat has not been released can be confirmed. */
  'admissions.not_admitted': {
    status: 409,
    vi: 'Chỉ xác nhận nhập học được với hồ sơ trúng tuyển còn giữ chỗ.',
    en: 'Only an admitted application that still holds its seat can be confirmed.',
  },
  /** Confirmation of enrolment after the round's deadline (confirm_to). */
  'admissions.confirmation_closed': {
    status: 422,
    vi: 'Đã hết hạn xác nhận nhập học.',
    en: 'The deadline for confirming enrolment has passed.',
  },
  /** Releasing unconfirmed seats (or opening a supplementary round) before the confirmation deadline. */
  'admissions.confirmation_open': {
    status: 422,
    vi: 'Chưa hết hạn xác nhận nhập học.',
    en: 'The confirmation deadline has not passed yet.',
  },
  // ── Learning library (src/server/modules/library) ──
  /** A resource cannot take this moderation step from its current state. */
  'library.invalid_transition': {
    status: 409,
    vi: 'Học liệu không thể chuyển sang trạng thái này từ trạng thái hiện tại.',
    en: 'The resource cannot take this step from its current state.',
  },
  /** Metadata refers to an unknown subject, series, licence or language, or to a unit that is not a school. */
  'library.invalid_metadata': {
    status: 422,
    vi: 'Thông tin mô tả học liệu không hợp lệ.',
    en: 'The resource metadata is invalid.',
  },
  /** Submission of a resource without its required metadata or content (the hint says what is missing). */
  'library.incomplete': {
    status: 422,
    vi: 'Học liệu chưa đủ thông tin để gửi duyệt.',
    en: 'The resource is not complete enough to be submitted.',
  },
  /** An offline package refused on import (details: each problem, e.g. a file whose SHA-256 differs from the manifest). */
  'library.package_invalid': {
    status: 422,
    vi: 'Gói học liệu không hợp lệ nên không được nhập.',
    en: 'The package is invalid and was not imported.',
  },
  // ── Lesson plans (src/server/modules/lesson-plans) ──
  /** Sending for review a plan that still lacks parts of the CV 5512 frame (details: what is missing). */
  'lesson_plan.incomplete': {
    status: 422,
    vi: 'Kế hoạch bài dạy còn thiếu nội dung theo khung của Công văn 5512.',
    en: 'The lesson plan still lacks parts of the Công văn 5512 frame.',
  },
  /** Deleting a plan that was already sent to the library (its snapshots stay). */
  'lesson_plan.sent': {
    status: 409,
    vi: 'Kế hoạch bài dạy đã gửi lên kho học liệu nên không thể xóa.',
    en: 'The lesson plan was sent to the library and cannot be deleted.',
  },
  /** Another send of the same plan is still in progress. */
  'lesson_plan.busy': {
    status: 409,
    vi: 'Kế hoạch bài dạy đang được gửi lên kho học liệu. Vui lòng chờ giây lát rồi tải lại.',
    en: 'The lesson plan is being sent to the library. Please wait a moment and reload.',
  },
  /** Copy-and-adapt from a library resource that is not a published plan made with the lesson-plan editor. */
  'lesson_plan.not_adaptable': {
    status: 422,
    vi: 'Học liệu này không phải kế hoạch bài dạy đã xuất bản từ trình soạn kế hoạch bài dạy nên không thể phỏng theo.',
    en: 'This resource is not a published lesson plan made with the lesson-plan editor, so it cannot be adapted.',
  },
  /** platform/uploads (tus 1.0.0): the request's Tus-Resumable is missing or a version the server does not speak. */
  'upload.version': {
    status: 412,
    vi: 'Phiên bản giao thức tải lên không được hỗ trợ (cần Tus-Resumable: 1.0.0).',
    en: 'Unsupported upload protocol version (Tus-Resumable: 1.0.0 is required).',
  },
  /** A PATCH's Upload-Offset is not where the server's copy ends: ask with HEAD, then continue from there. */
  'upload.offset_mismatch': {
    status: 409,
    vi: 'Vị trí tải tiếp không khớp với máy chủ. Hãy hỏi lại vị trí đã nhận rồi tải tiếp.',
    en: 'The upload offset does not match the server. Ask for the received offset, then continue.',
  },
  /** Another request is still appending to the same upload. */
  'upload.busy': {
    status: 423,
    vi: 'Tệp này đang được tải lên từ một yêu cầu khác. Vui lòng thử lại sau giây lát.',
    en: 'This upload is being written by another request. Please try again shortly.',
  },
  /** Upload-Length (or the bytes sent) beyond the size limit of uploads, or beyond the declared length. */
  'upload.too_large': {
    status: 413,
    vi: 'Tệp vượt quá dung lượng cho phép.',
    en: 'The file is larger than allowed.',
  },
  /** The user already has the maximum number of uploads in progress. */
  'upload.too_many': {
    status: 429,
    vi: 'Bạn đang có quá nhiều tệp chưa tải xong. Hãy hoàn tất hoặc hủy bớt rồi thử lại.',
    en: 'You have too many unfinished uploads. Finish or cancel some, then try again.',
  },
  /** The finished file's bytes are not a type accepted for the upload's purpose (sniffed, not declared). */
  'upload.type_refused': {
    status: 415,
    vi: 'Loại tệp này không được chấp nhận.',
    en: 'This type of file is not accepted.',
  },
  // ── Signing (src/server/platform/signing) ──
  /**
   * No usable signing certificate: production without SIGNING_P12_PATH (the demo certificate is
   * never used there), or a PKCS#12 that cannot be read (wrong password, no key, expired).
   */
  'signing.unavailable': {
    status: 503,
    vi: 'Chưa thể ký số văn bản: chứng thư số của đơn vị chưa được cấu hình hoặc không dùng được.',
    en: 'Documents cannot be signed: the unit’s signing certificate is not configured or not usable.',
  },
  // ── Diploma registry (src/server/modules/diplomas) ──
  /** An import step asked for in the wrong state (e.g. run before validation, or while it runs). */
  'diplomas.import_state': {
    status: 409,
    vi: 'Lượt nhập dữ liệu văn bằng chưa ở bước cho phép thao tác này.',
    en: 'The diploma import is not at a step that allows this.',
  },
  /** A column mapping without the required fields, or pointing past the file's columns (the hint says which). */
  'diplomas.mapping_invalid': {
    status: 422,
    vi: 'Cách ghép cột chưa hợp lệ.',
    en: 'The column mapping is invalid.',
  },
  /** A correction that changes nothing, or a field the diploma type does not have (the hint says which). */
  'diplomas.correction_invalid': {
    status: 422,
    vi: 'Nội dung đính chính không hợp lệ.',
    en: 'The correction is invalid.',
  },
  // ── Plans and tasks (src/server/modules/plans) ──
  /** A plan, task or progress report fails a rule (the details name the fields). */
  'plans.invalid': { status: 422, vi: 'Thông tin kế hoạch chưa hợp lệ.', en: 'The plan data is invalid.' },
  /** Another task or plan section of the plan already has this code. */
  'plans.code_taken': { status: 409, vi: 'Mã nhiệm vụ đã được dùng.', en: 'The task code is already in use.' },
  // ── Electronic archive (src/server/modules/archive) ──
  /** File metadata against Thông tư 05/2025/TT-BNV fails (the hint says which field). */
  'archive.invalid_metadata': {
    status: 422,
    vi: 'Thông tin mô tả hồ sơ lưu trữ chưa hợp lệ.',
    en: 'The archive description is invalid.',
  },
  /** Another file or fonds already has this code. */
  'archive.code_taken': {
    status: 409,
    vi: 'Mã hồ sơ hoặc mã phông đã được dùng.',
    en: 'The file or fonds code is already in use.',
  },
  /** A restricted file read without an approved, current read request. */
  'archive.restricted': {
    status: 403,
    vi: 'Hồ sơ hạn chế sử dụng: cần có yêu cầu khai thác đã được duyệt và còn hạn.',
    en: 'The file is restricted: an approved, current read request is needed.',
  },
  // ── Directives (src/server/modules/directives) ──
  /** A directive or an answer misses or breaks a rule (the details name the field). */
  'directives.invalid': {
    status: 422,
    vi: 'Văn bản chỉ đạo hoặc nội dung trả lời chưa hợp lệ.',
    en: 'The directive or the answer is invalid.',
  },
  /** The action does not fit the directive's state (editing an issued one, answering after the deadline…). */
  'directives.invalid_state': {
    status: 409,
    vi: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của văn bản.',
    en: 'This cannot be done in the directive’s current state.',
  },
  // ── DX index, QĐ 4725/QĐ-BGDĐT (src/server/modules/dx-index) ──
  /** An answer, evaluation or campaign breaks a rule (the details name the field). */
  'dx.invalid': {
    status: 422,
    vi: 'Thông tin đánh giá chuyển đổi số chưa hợp lệ.',
    en: 'The digital-transformation assessment data is invalid.',
  },
  /** The action does not fit the assessment's or campaign's state (editing a submitted one…). */
  'dx.invalid_state': {
    status: 409,
    vi: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của bản đánh giá.',
    en: 'This cannot be done in the assessment’s current state.',
  },
  /** The submission deadline has passed and the evaluator has not reopened the assessment. */
  'dx.deadline_passed': {
    status: 409,
    vi: 'Đã quá hạn nộp bản tự đánh giá. Đề nghị cấp đánh giá mở lại nếu cần.',
    en: 'The self-assessment deadline has passed. Ask the evaluator to reopen it if needed.',
  },
  /** Submission with criteria not yet answered (the details list them). */
  'dx.incomplete': {
    status: 422,
    vi: 'Còn tiêu chí chưa được tự đánh giá.',
    en: 'Some criteria have not been self-assessed yet.',
  },
  /** The school does not take part (preschool, closed) or there is no campaign for the year. */
  'dx.not_applicable': {
    status: 404,
    vi: 'Không có đợt đánh giá chuyển đổi số áp dụng cho đơn vị này.',
    en: 'No digital-transformation assessment applies here.',
  },
  /** A report form's definition breaks a rule (duplicate codes, a rule naming a non-numeric field…). */
  'reports.invalid_form': {
    status: 422,
    vi: 'Định nghĩa biểu mẫu báo cáo không hợp lệ.',
    en: 'The report form definition is invalid.',
  },
  /** A report form code is already used. */
  'reports.code_taken': { status: 409, vi: 'Mã biểu mẫu đã được dùng.', en: 'The form code is already in use.' },
  /** A published or archived form's fields cannot change (copy it into a new form). */
  'reports.form_frozen': {
    status: 409,
    vi: 'Biểu mẫu đã ban hành: không sửa được các trường; hãy sao chép thành biểu mẫu mới.',
    en: 'The form is published: its fields cannot change; copy it into a new form.',
  },
  /** A form, period or report cannot take this step from its current state. */
  'reports.invalid_transition': {
    status: 409,
    vi: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của báo cáo.',
    en: 'This step is not possible in the current state of the report.',
  },
  /** A period key or window is wrong for the form (e.g. 2026-Q5, closing before opening). */
  'reports.invalid_period': { status: 422, vi: 'Kỳ báo cáo không hợp lệ.', en: 'The reporting period is invalid.' },
  /** Writing a report outside its window: not open yet, or closed and locked (until the level above reopens it). */
  'reports.window_closed': {
    status: 409,
    vi: 'Kỳ báo cáo chưa mở hoặc đã hết hạn và bị khóa; cấp trên có thể mở lại cho đơn vị.',
    en: 'The reporting period is not open yet, or it has closed and is locked; the level above can reopen it for the unit.',
  },
  /** Completing a report whose values fail the form's checks (details per field). */
  'reports.invalid_values': {
    status: 422,
    vi: 'Số liệu báo cáo chưa hợp lệ; xem lỗi ở từng trường.',
    en: 'The report data is not valid; see the error at each field.',
  },
  /** The service is starting or shutting down, or the database is unreachable. */
  'service.unavailable': {
    status: 503,
    vi: 'Hệ thống tạm thời không sẵn sàng.',
    en: 'The service is temporarily unavailable.',
  },
  /** Anything unexpected; details go to the log with the request id, never to the client. */
  internal: { status: 500, vi: 'Đã có lỗi hệ thống.', en: 'An internal error occurred.' },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

export type AppErrorCode = keyof typeof ERROR_CATALOGUE;

/** One field-level problem, e.g. from validation or an import row. */
export interface ErrorDetail {
  /** Dotted path of the field (`body.username`, `row 12.code`). */
  path: string;
  /** Message in the request's language. */
  message: string;
}

/** The one error shape every endpoint returns. */
export interface ErrorBody {
  error: {
    code: AppErrorCode;
    message: string;
    messages: { vi: string; en: string };
    requestId: string;
    details?: ErrorDetail[];
  };
}

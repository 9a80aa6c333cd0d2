import type { LibraryLevel, ResourceKind, Visibility } from '../../../shared/library.schema.ts';

/**
 * The SYNTHETIC content of the library demo: moderator accounts of the Sở and 24 resources
 * contributed by the demo schools' staff, in every moderation state. Titles, descriptions and
 * people are invented for the demo ("(dữ liệu mẫu)"); links point to reserved example domains.
 */

export interface DemoModerator {
  username: string;
  fullName: string;
  assignments: { subjectCode: string; level: LibraryLevel }[];
  description: { vi: string; en: string };
}

export const DEMO_MODERATORS: readonly DemoModerator[] = [
  {
    username: 'kd.vatli',
    fullName: 'Phạm Văn Khoa',
    assignments: [
      { subjectCode: 'vat_li', level: 'thpt' },
      { subjectCode: 'khtn', level: 'thcs' },
    ],
    description: {
      vi: 'Người kiểm duyệt học liệu của Sở (dữ liệu mẫu): Vật lí THPT và Khoa học tự nhiên THCS.',
      en: 'Library moderator of the Department (synthetic): upper-secondary Physics and lower-secondary Natural sciences.',
    },
  },
  {
    username: 'kd.toan',
    fullName: 'Ngô Thị Lan',
    assignments: [
      { subjectCode: 'toan', level: 'thcs' },
      { subjectCode: 'toan', level: 'thpt' },
      { subjectCode: 'tin_hoc', level: 'thcs' },
    ],
    description: {
      vi: 'Người kiểm duyệt học liệu của Sở (dữ liệu mẫu): Toán THCS và THPT, Tin học THCS.',
      en: 'Library moderator of the Department (synthetic): lower- and upper-secondary Mathematics, lower-secondary Informatics.',
    },
  },
  {
    username: 'kd.tieuhoc',
    fullName: 'Y Bình',
    assignments: [
      { subjectCode: 'tieng_viet', level: 'tieu_hoc' },
      { subjectCode: 'toan', level: 'tieu_hoc' },
      { subjectCode: 'tn_xh', level: 'tieu_hoc' },
      { subjectCode: 'khoa_hoc', level: 'tieu_hoc' },
      { subjectCode: 'tieng_dan_toc', level: 'tieu_hoc' },
      { subjectCode: 'tieng_dan_toc', level: 'thcs' },
      { subjectCode: 'ngu_van', level: 'thcs' },
      { subjectCode: 'ls_dl', level: 'thcs' },
    ],
    description: {
      vi: 'Người kiểm duyệt học liệu của Sở (dữ liệu mẫu): các môn tiểu học, Tiếng dân tộc thiểu số, Ngữ văn và Lịch sử và Địa lí THCS.',
      en: 'Library moderator of the Department (synthetic): primary subjects, ethnic-minority languages, lower-secondary Literature and History and geography.',
    },
  },
];

/** Where a resource ends up, through the services (a new version under review keeps the published one). */
export type DemoStory =
  | 'draft'
  | 'submitted'
  | 'in_review'
  | 'returned'
  | 'published'
  | 'taken_down'
  | 'published_new_version';

export type DemoContent =
  | { kind: 'png'; hue: [number, number, number]; filename: string }
  | { kind: 'pdf'; filename: string; paragraphs: string[] }
  | { kind: 'simulation'; filename: string; caption: string }
  | { kind: 'lesson_plan'; filename: string }
  | { kind: 'url'; url: string };

export interface DemoResource {
  /** Demo login of the contributor. */
  by: string;
  /** The owning school (dataset key) when the contributor holds a commune-wide role. */
  schoolKey?: string;
  kind: ResourceKind;
  title: string;
  description: string;
  keywords: string[];
  levels: LibraryLevel[];
  grades: number[];
  subjects: string[];
  seriesCode: string | null;
  topic: string | null;
  authors: string[];
  languageCode: string;
  licenceCode: string;
  visibility: Visibility;
  content: DemoContent;
  story: DemoStory;
  /** The return's or take-down's comment. */
  comment?: string;
  /** In the curated collection "Vật lí 10 – Kết nối tri thức". */
  inCollection?: boolean;
}

const SAMPLE = ' (dữ liệu mẫu)';
const GV_TQT = 'gv.tranquoctuan';
const HT_TK = 'ht.thso1tinhkhe';
const HT_DH = 'ht.thdakha';
const XA_TK = 'xa.tinhkhe';
const XA_DH = 'xa.dakha';
const THCS_TK = 'truong-thcs-tinh-khe';
const PTDTBT_DH = 'truong-ptdtbt-th-thcs-dak-ha';

type Common = Pick<DemoResource, 'levels' | 'grades' | 'subjects' | 'seriesCode' | 'languageCode'>;
const VL10: Common = { levels: ['thpt'], grades: [10], subjects: ['vat_li'], seriesCode: 'kntt', languageCode: 'vi' };

export const DEMO_RESOURCES: readonly DemoResource[] = [
  {
    ...VL10,
    by: GV_TQT,
    kind: 'simulation',
    title: 'Thí nghiệm ảo Vật lí 10: Rơi tự do',
    description: `Mô phỏng HTML5 chuyển động rơi tự do của một vật, hiển thị thời gian rơi; dùng cho bài Sự rơi tự do${SAMPLE}.`,
    keywords: ['rơi tự do', 'thí nghiệm ảo', 'gia tốc'],
    topic: 'Bài 10: Sự rơi tự do',
    authors: ['Lê Thị Mỹ Duyên'],
    licenceCode: 'cc_by',
    visibility: 'public',
    content: { kind: 'simulation', filename: 'roi-tu-do.zip', caption: 'Quan sát quả bóng rơi và thời gian rơi.' },
    story: 'published',
    inCollection: true,
  },
  {
    ...VL10,
    by: GV_TQT,
    kind: 'image',
    title: 'Sơ đồ lực tác dụng lên vật trên mặt phẳng nghiêng',
    description: `Hình vẽ minh họa trọng lực, phản lực và lực ma sát trên mặt phẳng nghiêng${SAMPLE}.`,
    keywords: ['mặt phẳng nghiêng', 'lực', 'hình ảnh'],
    topic: 'Bài 15: Định luật 2 Newton',
    authors: ['Lê Thị Mỹ Duyên'],
    licenceCode: 'cc_by_sa',
    visibility: 'public',
    content: { kind: 'png', hue: [11, 83, 148], filename: 'mat-phang-nghieng.png' },
    story: 'published',
    inCollection: true,
  },
  {
    ...VL10,
    by: GV_TQT,
    kind: 'document',
    title: 'Phiếu học tập: Đo tốc độ trung bình',
    description: `Phiếu học tập một trang cho hoạt động nhóm đo tốc độ trung bình bằng đồng hồ bấm giây${SAMPLE}.`,
    keywords: ['tốc độ', 'phiếu học tập'],
    topic: 'Bài 5: Tốc độ và vận tốc',
    authors: ['Lê Thị Mỹ Duyên'],
    licenceCode: 'cc_by_nc',
    visibility: 'province',
    content: {
      kind: 'pdf',
      filename: 'phieu-hoc-tap-toc-do.pdf',
      paragraphs: [
        'Nhiệm vụ: đo quãng đường và thời gian chuyển động của xe đồ chơi, tính tốc độ trung bình.',
        'Bảng kết quả: lần đo, quãng đường (m), thời gian (s), tốc độ trung bình (m/s).',
        'Câu hỏi: vì sao cần đo nhiều lần và lấy giá trị trung bình?',
      ],
    },
    story: 'published',
    inCollection: true,
  },
  {
    ...VL10,
    by: GV_TQT,
    kind: 'link',
    title: 'Video: Thí nghiệm định luật bảo toàn động lượng',
    description: `Liên kết đến video quay thí nghiệm va chạm hai xe trên đệm khí${SAMPLE}.`,
    keywords: ['động lượng', 'video', 'va chạm'],
    topic: 'Bài 28: Động lượng',
    authors: ['Tổ Vật lí – Công nghệ'],
    licenceCode: 'cc_by',
    visibility: 'public',
    content: { kind: 'url', url: 'https://video.example.org/vat-li-10/dong-luong' },
    story: 'published_new_version',
    inCollection: true,
  },
  {
    ...VL10,
    by: GV_TQT,
    kind: 'etextbook',
    title: 'Sách giáo khoa điện tử Vật lí 10 – Kết nối tri thức',
    description: `Liên kết đến bản đọc trực tuyến của sách giáo khoa${SAMPLE}.`,
    keywords: ['sách giáo khoa', 'học liệu điện tử'],
    topic: null,
    authors: ['Nhà xuất bản Giáo dục Việt Nam'],
    licenceCode: 'internal',
    visibility: 'province',
    content: { kind: 'url', url: 'https://sach.example.org/vat-li-10-kntt' },
    story: 'published',
    inCollection: true,
  },
  {
    ...VL10,
    by: GV_TQT,
    kind: 'simulation',
    title: 'Thí nghiệm ảo: Tổng hợp lực đồng quy',
    description: `Mô phỏng tổng hợp hai lực đồng quy theo quy tắc hình bình hành${SAMPLE}.`,
    keywords: ['tổng hợp lực', 'thí nghiệm ảo'],
    topic: 'Bài 13: Tổng hợp và phân tích lực',
    authors: ['Lê Thị Mỹ Duyên'],
    licenceCode: 'cc_by',
    visibility: 'public',
    content: { kind: 'simulation', filename: 'tong-hop-luc.zip', caption: 'Kéo hai vectơ lực để thấy hợp lực.' },
    story: 'in_review',
  },
  {
    ...VL10,
    by: GV_TQT,
    kind: 'document',
    title: 'Đề kiểm tra giữa kì I Vật lí 10',
    description: `Đề kiểm tra 45 phút kèm đáp án, chỉ dùng trong trường${SAMPLE}.`,
    keywords: ['kiểm tra', 'đề thi'],
    topic: null,
    authors: ['Lê Thị Mỹ Duyên'],
    licenceCode: 'internal',
    visibility: 'school',
    content: {
      kind: 'pdf',
      filename: 'de-kiem-tra-giua-ki-1.pdf',
      paragraphs: ['Phần I. Trắc nghiệm (7 điểm).', 'Phần II. Tự luận (3 điểm).'],
    },
    story: 'draft',
  },
  {
    by: GV_TQT,
    kind: 'document',
    title: 'Chuyên đề Toán 11: Giới hạn của dãy số',
    description: `Tài liệu ôn tập có ví dụ giải mẫu về giới hạn của dãy số${SAMPLE}.`,
    keywords: ['giới hạn', 'dãy số'],
    levels: ['thpt'],
    grades: [11],
    subjects: ['toan'],
    seriesCode: 'canh_dieu',
    topic: 'Chương III: Giới hạn. Hàm số liên tục',
    authors: ['Bùi Quốc Hưng'],
    languageCode: 'vi',
    licenceCode: 'cc_by_nc_sa',
    visibility: 'province',
    content: {
      kind: 'pdf',
      filename: 'gioi-han-day-so.pdf',
      paragraphs: ['Định nghĩa dãy số có giới hạn 0.', 'Ví dụ: tìm giới hạn của dãy un = (2n + 1)/(n + 3).'],
    },
    story: 'returned',
    comment: 'Cần bổ sung nguồn của các ví dụ và sửa lỗi đánh máy ở ví dụ 2.',
  },
  {
    by: GV_TQT,
    kind: 'link',
    title: 'Video: Hướng dẫn vẽ đồ thị hàm số bậc hai',
    description: `Liên kết đến video hướng dẫn vẽ parabol từng bước${SAMPLE}.`,
    keywords: ['hàm số bậc hai', 'parabol', 'video'],
    levels: ['thpt'],
    grades: [10],
    subjects: ['toan'],
    seriesCode: 'ctst',
    topic: 'Hàm số bậc hai',
    authors: ['Bùi Quốc Hưng'],
    languageCode: 'vi',
    licenceCode: 'cc_by',
    visibility: 'public',
    content: { kind: 'url', url: 'https://video.example.org/toan-10/parabol' },
    story: 'taken_down',
    comment: 'Video vi phạm bản quyền âm nhạc nền; gỡ xuống chờ tác giả thay bản khác.',
  },
  {
    by: XA_TK,
    schoolKey: THCS_TK,
    kind: 'lesson_plan',
    title: 'Kế hoạch bài dạy KHTN 6: Lực ma sát',
    description: `Kế hoạch bài dạy 2 tiết theo Công văn 5512, có thí nghiệm đo lực ma sát trượt${SAMPLE}.`,
    keywords: ['kế hoạch bài dạy', 'lực ma sát', 'Công văn 5512'],
    levels: ['thcs'],
    grades: [6],
    subjects: ['khtn'],
    seriesCode: null,
    topic: 'Bài 5: Lực ma sát',
    authors: ['Nguyễn Thị Ánh Tuyết', 'Hồ Văn Ửng'],
    languageCode: 'vi',
    licenceCode: 'cc_by_sa',
    visibility: 'public',
    content: { kind: 'lesson_plan', filename: 'ke-hoach-bai-day-luc-ma-sat.pdf' },
    story: 'published',
  },
  {
    by: XA_TK,
    schoolKey: THCS_TK,
    kind: 'simulation',
    title: 'Thí nghiệm ảo KHTN 7: Sự phản xạ ánh sáng',
    description: `Mô phỏng tia sáng phản xạ trên gương phẳng, đo góc tới và góc phản xạ${SAMPLE}.`,
    keywords: ['phản xạ ánh sáng', 'gương phẳng', 'thí nghiệm ảo'],
    levels: ['thcs'],
    grades: [7],
    subjects: ['khtn'],
    seriesCode: 'kntt',
    topic: 'Bài 15: Định luật phản xạ ánh sáng',
    authors: ['Phan Thị Ngọc Lan'],
    languageCode: 'vi',
    licenceCode: 'cc_by',
    visibility: 'public',
    content: { kind: 'simulation', filename: 'phan-xa-anh-sang.zip', caption: 'Xoay gương để thay đổi góc tới.' },
    story: 'published',
  },
  {
    by: XA_TK,
    schoolKey: THCS_TK,
    kind: 'image',
    title: 'Hình ảnh: Tam giác đồng dạng trong thực tế',
    description: `Ảnh minh họa đo chiều cao cột cờ bằng bóng nắng và tam giác đồng dạng${SAMPLE}.`,
    keywords: ['tam giác đồng dạng', 'hình ảnh'],
    levels: ['thcs'],
    grades: [8],
    subjects: ['toan'],
    seriesCode: 'canh_dieu',
    topic: 'Tam giác đồng dạng',
    authors: ['Phan Thị Ngọc Lan'],
    languageCode: 'vi',
    licenceCode: 'cc0',
    visibility: 'public',
    content: { kind: 'png', hue: [245, 158, 11], filename: 'tam-giac-dong-dang.png' },
    story: 'published',
  },
  {
    by: XA_TK,
    schoolKey: THCS_TK,
    kind: 'document',
    title: 'Bài tập Toán 9: Hệ hai phương trình bậc nhất hai ẩn',
    description: `Bộ bài tập phân hóa ba mức độ, kèm hướng dẫn giải${SAMPLE}.`,
    keywords: ['hệ phương trình', 'bài tập'],
    levels: ['thcs'],
    grades: [9],
    subjects: ['toan'],
    seriesCode: 'kntt',
    topic: 'Chương I: Phương trình và hệ hai phương trình bậc nhất hai ẩn',
    authors: ['Phan Thị Ngọc Lan'],
    languageCode: 'vi',
    licenceCode: 'cc_by_nc',
    visibility: 'province',
    content: {
      kind: 'pdf',
      filename: 'he-phuong-trinh.pdf',
      paragraphs: ['Mức 1: giải hệ bằng phương pháp thế.', 'Mức 2: giải bài toán bằng cách lập hệ phương trình.'],
    },
    story: 'submitted',
  },
  {
    by: XA_TK,
    schoolKey: THCS_TK,
    kind: 'link',
    title: 'Phần mềm học Tin học 6: Mô phỏng mạng máy tính',
    description: `Liên kết đến phần mềm trực tuyến mô phỏng cách máy tính gửi gói tin${SAMPLE}.`,
    keywords: ['mạng máy tính', 'Tin học'],
    levels: ['thcs'],
    grades: [6],
    subjects: ['tin_hoc'],
    seriesCode: 'ctst',
    topic: 'Mạng máy tính và Internet',
    authors: ['Phan Thị Ngọc Lan'],
    languageCode: 'vi',
    licenceCode: 'cc_by_sa',
    visibility: 'public',
    content: { kind: 'url', url: 'https://mo-phong.example.org/mang-may-tinh' },
    story: 'in_review',
  },
  {
    by: XA_TK,
    schoolKey: THCS_TK,
    kind: 'document',
    title: 'Đề cương ôn tập Ngữ văn 8 học kì I',
    description: `Đề cương ôn tập đọc hiểu và viết bài văn nghị luận${SAMPLE}.`,
    keywords: ['ôn tập', 'Ngữ văn'],
    levels: ['thcs'],
    grades: [8],
    subjects: ['ngu_van'],
    seriesCode: 'ctst',
    topic: null,
    authors: ['Phan Thị Ngọc Lan'],
    languageCode: 'vi',
    licenceCode: 'internal',
    visibility: 'school',
    content: {
      kind: 'pdf',
      filename: 'de-cuong-ngu-van-8.pdf',
      paragraphs: ['I. Đọc hiểu văn bản truyện và thơ.', 'II. Viết bài văn nghị luận về một vấn đề đời sống.'],
    },
    story: 'returned',
    comment: 'Đề cương thiếu phần Tiếng Việt; đề nghị bổ sung rồi gửi lại.',
  },
  {
    by: HT_TK,
    kind: 'image',
    title: 'Tranh ảnh: Các mùa trong năm',
    description: `Tranh minh họa bốn mùa cho bài học Tự nhiên và Xã hội lớp 2${SAMPLE}.`,
    keywords: ['mùa', 'thời tiết', 'tranh ảnh'],
    levels: ['tieu_hoc'],
    grades: [2],
    subjects: ['tn_xh'],
    seriesCode: 'canh_dieu',
    topic: 'Chủ đề: Trái Đất và bầu trời',
    authors: ['Nguyễn Văn Thành'],
    languageCode: 'vi',
    licenceCode: 'cc_by',
    visibility: 'public',
    content: { kind: 'png', hue: [34, 139, 34], filename: 'cac-mua-trong-nam.png' },
    story: 'published',
  },
  {
    by: HT_TK,
    kind: 'document',
    title: 'Phiếu luyện đọc Tiếng Việt 1: Vần an, at',
    description: `Phiếu luyện đọc và viết vần an, at có hình minh họa${SAMPLE}.`,
    keywords: ['luyện đọc', 'vần'],
    levels: ['tieu_hoc'],
    grades: [1],
    subjects: ['tieng_viet'],
    seriesCode: 'kntt',
    topic: 'Vần an, at',
    authors: ['Nguyễn Văn Thành'],
    languageCode: 'vi',
    licenceCode: 'public_domain',
    visibility: 'public',
    content: {
      kind: 'pdf',
      filename: 'van-an-at.pdf',
      paragraphs: ['Đọc: bàn, cát, hạt, lan can.', 'Viết: an, at, bàn tay, bãi cát.'],
    },
    story: 'published',
  },
  {
    by: HT_TK,
    kind: 'simulation',
    title: 'Trò chơi học Toán 3: Bảng nhân 6',
    description: `Trò chơi HTML5 luyện bảng nhân 6, chạy cả khi không có mạng${SAMPLE}.`,
    keywords: ['bảng nhân', 'trò chơi'],
    levels: ['tieu_hoc'],
    grades: [3],
    subjects: ['toan'],
    seriesCode: 'ctst',
    topic: 'Bảng nhân 6',
    authors: ['Nguyễn Văn Thành'],
    languageCode: 'vi',
    licenceCode: 'cc_by_nc_nd',
    visibility: 'province',
    content: { kind: 'simulation', filename: 'bang-nhan-6.zip', caption: 'Chọn đáp án đúng cho mỗi phép nhân.' },
    story: 'submitted',
  },
  {
    by: HT_TK,
    kind: 'link',
    title: 'Video: Vòng đời của con bướm',
    description: `Liên kết đến video ngắn về vòng đời của bướm cho Khoa học lớp 4${SAMPLE}.`,
    keywords: ['vòng đời', 'video'],
    levels: ['tieu_hoc'],
    grades: [4],
    subjects: ['khoa_hoc'],
    seriesCode: 'kntt',
    topic: null,
    authors: ['Nguyễn Văn Thành'],
    languageCode: 'vi',
    licenceCode: 'cc_by',
    visibility: 'public',
    content: { kind: 'url', url: 'https://video.example.org/khoa-hoc-4/vong-doi-buom' },
    story: 'draft',
  },
  {
    by: HT_DH,
    kind: 'document',
    title: 'Truyện tranh song ngữ Việt – Ba Na: Con gà trống',
    description: `Truyện tranh ngắn bằng tiếng Ba Na có phần dịch tiếng Việt, hỗ trợ học sinh lớp 1 người Ba Na${SAMPLE}.`,
    keywords: ['Ba Na', 'song ngữ', 'truyện tranh'],
    levels: ['tieu_hoc'],
    grades: [1],
    subjects: ['tieng_dan_toc'],
    seriesCode: null,
    topic: null,
    authors: ['Đinh Thị Thanh Hương'],
    languageCode: 'bdq',
    licenceCode: 'cc_by_sa',
    visibility: 'public',
    content: {
      kind: 'pdf',
      filename: 'truyen-tranh-ba-na.pdf',
      paragraphs: ['Văn bản tiếng Ba Na và bản dịch tiếng Việt (nội dung minh họa, tổng hợp).'],
    },
    story: 'published',
  },
  {
    by: HT_DH,
    kind: 'image',
    title: 'Bảng chữ cái tiếng Xơ Đăng',
    description: `Tranh bảng chữ cái tiếng Xơ Đăng có hình minh họa cho mỗi chữ${SAMPLE}.`,
    keywords: ['Xơ Đăng', 'bảng chữ cái'],
    levels: ['tieu_hoc'],
    grades: [1, 2],
    subjects: ['tieng_dan_toc'],
    seriesCode: null,
    topic: null,
    authors: ['Đinh Thị Thanh Hương'],
    languageCode: 'sed',
    licenceCode: 'cc_by',
    visibility: 'public',
    content: { kind: 'png', hue: [190, 30, 45], filename: 'bang-chu-cai-xo-dang.png' },
    story: 'in_review',
  },
  {
    by: XA_DH,
    schoolKey: PTDTBT_DH,
    kind: 'document',
    title: 'Tài liệu giáo dục địa phương: Nhà rông Tây Nguyên',
    description: `Bài đọc về nhà rông và sinh hoạt cộng đồng cho Lịch sử và Địa lí 6${SAMPLE}.`,
    keywords: ['nhà rông', 'Tây Nguyên', 'địa phương'],
    levels: ['thcs'],
    grades: [6],
    subjects: ['ls_dl'],
    seriesCode: 'kntt',
    topic: null,
    authors: ['Lương Văn Sang'],
    languageCode: 'vi',
    licenceCode: 'cc_by',
    visibility: 'public',
    content: {
      kind: 'pdf',
      filename: 'nha-rong.pdf',
      paragraphs: ['Nhà rông là nơi sinh hoạt chung của buôn làng (nội dung minh họa, tổng hợp).'],
    },
    story: 'published',
  },
  {
    by: XA_DH,
    schoolKey: PTDTBT_DH,
    kind: 'link',
    title: 'Sách điện tử Toán 6 – Cánh Diều',
    description: `Liên kết đến bản đọc trực tuyến của sách giáo khoa Toán 6${SAMPLE}.`,
    keywords: ['sách giáo khoa', 'Toán 6'],
    levels: ['thcs'],
    grades: [6],
    subjects: ['toan'],
    seriesCode: 'canh_dieu',
    topic: null,
    authors: ['Nhà xuất bản Đại học Sư phạm'],
    languageCode: 'vi',
    licenceCode: 'internal',
    visibility: 'school',
    content: { kind: 'url', url: 'https://sach.example.org/toan-6-canh-dieu' },
    story: 'published',
  },
  {
    by: XA_DH,
    schoolKey: PTDTBT_DH,
    kind: 'image',
    title: 'Hình ảnh: Thí nghiệm nảy mầm của hạt đậu',
    description: `Ảnh chụp các giai đoạn nảy mầm dùng cho Khoa học tự nhiên 6${SAMPLE}.`,
    keywords: ['nảy mầm', 'thí nghiệm'],
    levels: ['thcs'],
    grades: [6],
    subjects: ['khtn'],
    seriesCode: 'ctst',
    topic: null,
    authors: ['Lương Văn Sang'],
    languageCode: 'vi',
    licenceCode: 'cc_by_nc_sa',
    visibility: 'province',
    content: { kind: 'png', hue: [120, 180, 60], filename: 'nay-mam-hat-dau.png' },
    story: 'submitted',
  },
];

export const DEMO_COLLECTION = {
  title: 'Vật lí 10 – Kết nối tri thức',
  description:
    'Bộ sưu tập học liệu Vật lí 10 theo bộ sách Kết nối tri thức với cuộc sống: thí nghiệm ảo, hình ảnh, phiếu học tập, video và sách điện tử (dữ liệu mẫu).',
};

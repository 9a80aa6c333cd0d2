import type { DemoPlan, DemoReport } from './demo-plan-types.ts';

/**
 * Seed 002: the Quảng Ngãi Sở GDĐT's "Kế hoạch phát triển Chính quyền điện tử hướng tới Chính
 * quyền số và kinh tế số, xã hội số năm 2023" — real public content. The tasks are the rows of
 * its summary table (Phần thứ hai, III. Bảng tổng hợp kế hoạch: "Tổng cộng: 19.382,4" million VND
 * for 2023), with lead and coordinating units and the 2024/2025 budgets from the task sections
 * (II.1–II.5). Sub-tasks are the "Nội dung thực hiện" of two tasks. The seed's copy carries no
 * plan number or date. Progress reports are SYNTHETIC (invented for the demo).
 */

const CTX_NST = 'CTX_NST';
const OTHER_DIVISIONS = 'Các phòng thuộc Sở GD&ĐT';
const done = (on: string, by: string | null, note: string): DemoReport[] => [
  {
    status: 'in_progress',
    progress: 50,
    note: 'Đang triển khai theo kế hoạch (dữ liệu mẫu).',
    on: `${on.slice(0, 4)}-06-30`,
    by,
  },
  { status: 'done', progress: 100, note, on, by },
];

export const PLAN_002: DemoPlan = {
  key: 'qng-2023',
  number: null,
  issuedOn: null,
  unitCode: 'QNG.SGD',
  title:
    'Kế hoạch phát triển Chính quyền điện tử hướng tới Chính quyền số và kinh tế số, xã hội số năm 2023 của ngành giáo dục và đào tạo',
  yearFrom: 2023,
  yearTo: 2025,
  summary:
    'Kế hoạch năm 2023 của Sở GDĐT Quảng Ngãi; các nhiệm vụ theo Bảng tổng hợp kế hoạch (ĐVT: triệu đồng; tổng cộng năm 2023: 19.382,4), kinh phí các năm 2024, 2025 theo từng mục nhiệm vụ. Bản nguồn không ghi số và ngày ban hành. Báo cáo tiến độ là dữ liệu mẫu.',
  legalBases: [
    {
      number: '749/QĐ-TTg',
      date: '2020-06-03',
      issuer: 'Thủ tướng Chính phủ',
      title: 'Phê duyệt Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng năm 2030',
    },
    {
      number: '942/QĐ-TTg',
      date: '2021-06-15',
      issuer: 'Thủ tướng Chính phủ',
      title:
        'Phê duyệt chiến lược phát triển Chính phủ điện tử hướng tới Chính phủ số giai đoạn 2021 - 2025, định hướng đến năm 2030',
    },
    {
      number: '906/QĐ-UBND',
      date: '2022-07-11',
      issuer: 'Chủ tịch UBND tỉnh Quảng Ngãi',
      title:
        'Ban hành Kế hoạch triển khai thực hiện Chiến lược quốc gia phát triển kinh tế số và xã hội số trên địa bàn tỉnh Quảng Ngãi giai đoạn 2022 – 2025',
    },
    {
      number: '119/KH-UBND',
      date: '2020-10-09',
      issuer: 'Chủ tịch UBND tỉnh Quảng Ngãi',
      title:
        'Triển khai thực hiện Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030 của tỉnh Quảng Ngãi',
    },
    {
      number: '169/KH-UBND',
      date: '2021-12-09',
      issuer: 'Chủ tịch UBND tỉnh Quảng Ngãi',
      title:
        'Phát triển Chính quyền điện tử hướng đến Chính quyền số tỉnh Quảng Ngãi đến năm 2025, định hướng đến năm 2030',
    },
    {
      number: '42/KH-UBND',
      date: '2022-03-11',
      issuer: 'Chủ tịch UBND tỉnh Quảng Ngãi',
      title:
        'Triển khai thực hiện Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ về phê duyệt Đề án phát triển ứng dụng dữ liệu dân cư, định danh và xác thực điện tử phục vụ Chuyển đổi số quốc gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030 trên địa bàn tỉnh Quảng Ngãi',
    },
    {
      number: '73/KH-UBND',
      date: '2022-04-28',
      issuer: 'Chủ tịch UBND tỉnh Quảng Ngãi',
      title:
        'Thực hiện Đề án “Nâng cao nhận thức, phổ cập kỹ năng và phát triển nguồn nhân lực chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030” trên địa bàn tỉnh Quảng Ngãi',
    },
    {
      number: '122/KH-UBND',
      date: '2022-08-02',
      issuer: 'Chủ tịch UBND tỉnh Quảng Ngãi',
      title: 'Truyền thông về Chuyển đổi số tỉnh Quảng Ngãi giai đoạn 2022- 2025',
    },
    {
      number: '4267/BGDĐT-CNTT',
      date: '2022-08-31',
      issuer: 'Bộ Giáo dục và Đào tạo',
      title:
        'Hướng dẫn thực hiện nhiệm vụ ứng dụng Công nghệ thông tin, chuyển đổi số và thống kê giáo dục năm học 2022-2023',
    },
    {
      number: '140/KH-UBND',
      date: '2022-09-06',
      issuer: 'UBND tỉnh Quảng Ngãi',
      title:
        'Thực hiện Chương trình “Giáo dục lý tưởng cách mạng, đạo đức, lối sống văn hóa cho thanh niên, thiếu niên, nhi đồng trên không gian mạng, giai đoạn 2022-2030” trên địa bàn tỉnh Quảng Ngãi',
    },
  ],
  sections: [
    {
      code: 'II',
      title: 'Nội dung phát triển Chính quyền điện tử hướng tới Chính quyền số và kinh tế số, xã hội số năm 2023',
    },
    { code: 'II.1', title: 'Phát triển chính quyền điện tử hướng tới chính quyền số' },
    { code: 'II.2', title: 'Phát triển kinh tế số' },
    { code: 'II.3', title: 'Phát triển xã hội số' },
    { code: 'II.4', title: 'Đảm bảo an toàn, an ninh mạng' },
    { code: 'II.5', title: 'Nhân lực phục vụ chuyển đổi số' },
  ],
  tasks: [
    {
      code: 'II.1.1',
      section: 'II.1',
      content:
        'Số hóa kết quả giải quyết thủ tục hành chính thuộc thẩm quyền giải quyết của Sở Giáo dục và Đào tạo Quảng Ngãi năm 2023',
      lead: 'QNG.SGD.VP',
      coordinators: [OTHER_DIVISIONS],
      start: '2023-01-01',
      end: '2023-12-31',
      period: 'Từ tháng 01/2023 đến tháng 12/2023',
      outputs:
        'Toàn bộ kết quả giải quyết thủ tục hành chính còn hiệu lực được số hóa; khối lượng theo thực tế rà soát, kiểm tra tại cơ quan.',
      budgets: [
        [2023, CTX_NST, 300],
        [2024, CTX_NST, 300],
        [2025, CTX_NST, 300],
      ],
      reports: done('2023-12-20', null, 'Đã số hóa kết quả giải quyết TTHC từ năm 2016 (dữ liệu mẫu).'),
    },
    {
      code: 'II.1.1.1',
      section: 'II.1',
      parent: 'II.1.1',
      content: 'Rà soát, phân loại, kiểm đếm số lượng văn bản giấy cần được số hóa tại cơ quan.',
      lead: 'QNG.SGD.VP',
      start: '2023-01-01',
      end: '2023-03-31',
      period: 'Quý I/2023 (dữ liệu mẫu)',
      reports: done('2023-03-28', null, 'Đã kiểm đếm xong (dữ liệu mẫu).'),
    },
    {
      code: 'II.1.1.2',
      section: 'II.1',
      parent: 'II.1.1',
      content: 'Số hóa, cập nhật dữ liệu văn bản được hình thành từ năm 2016 đến thời điểm triển khai thực hiện.',
      lead: 'QNG.SGD.VP',
      start: '2023-04-01',
      end: '2023-12-31',
      period: 'Từ tháng 4/2023 đến tháng 12/2023 (dữ liệu mẫu)',
      reports: done('2023-12-20', null, 'Đã cập nhật lên hệ thống (dữ liệu mẫu).'),
    },
    {
      code: 'II.1.2',
      section: 'II.1',
      content: 'Dự án “Số hóa hồ sơ tài liệu lưu trữ của Sở Giáo dục và Đào tạo từ năm 1989 đến nay”',
      lead: 'QNG.SGD.VP',
      coordinators: ['Các phòng thuộc Sở GDĐT'],
      start: '2023-01-01',
      end: '2025-12-31',
      period: 'Giai đoạn 1989 đến nay; thực hiện giai đoạn 2023-2025',
      outputs: 'Hệ thống phần mềm lưu trữ điện tử; hồ sơ, tài liệu lưu trữ được chỉnh lý và số hóa.',
      budgets: [
        [2023, CTX_NST, 4000],
        [2024, CTX_NST, 6000],
        [2025, CTX_NST, 6000],
      ],
      reports: [
        {
          status: 'in_progress',
          progress: 40,
          note: 'Đã xây dựng phần mềm lưu trữ điện tử; đang chỉnh lý (dữ liệu mẫu).',
          on: '2023-12-15',
          by: null,
        },
        {
          status: 'in_progress',
          progress: 70,
          note: 'Đã số hóa hồ sơ giai đoạn 1989–2005 (dữ liệu mẫu).',
          on: '2025-06-30',
          by: null,
        },
      ],
    },
    {
      code: 'II.1.2.1',
      section: 'II.1',
      parent: 'II.1.2',
      content: 'Xây dựng hệ thống phần mềm lưu trữ điện tử của Sở Giáo dục và Đào tạo.',
      lead: 'QNG.SGD.VP',
      start: '2023-01-01',
      end: '2023-12-31',
      period: 'Năm 2023 (dữ liệu mẫu)',
      reports: done('2023-12-15', null, 'Phần mềm đã đưa vào sử dụng (dữ liệu mẫu).'),
    },
    {
      code: 'II.1.2.2',
      section: 'II.1',
      parent: 'II.1.2',
      content: 'Chỉnh lý hồ sơ, tài liệu lưu trữ.',
      lead: 'QNG.SGD.VP',
      start: '2023-06-01',
      end: '2025-06-30',
      period: '2023-2025 (dữ liệu mẫu)',
    },
    {
      code: 'II.1.2.3',
      section: 'II.1',
      parent: 'II.1.2',
      content: 'Số hóa hồ sơ, tài liệu lưu trữ của Sở GDĐT.',
      lead: 'QNG.SGD.VP',
      start: '2024-01-01',
      end: '2025-12-31',
      period: '2024-2025 (dữ liệu mẫu)',
    },
    {
      code: 'II.1.3',
      section: 'II.1',
      content:
        'Nâng cao kỹ năng an toàn thông tin trên môi trường số cho đội ngũ cán bộ quản lý, giáo viên phụ trách công tác Chính trị tư tưởng của các phòng giáo dục và đào tạo và các đơn vị trực thuộc Sở',
      lead: 'QNG.SGD.CTTT',
      coordinators: ['QNG.SGD.VP', 'QNG.SGD.GDTRH'],
      start: '2023-01-01',
      end: '2025-12-31',
      period: 'Năm 2023 (giai đoạn 2023-2025)',
      outputs:
        'Tập huấn bồi dưỡng “Kỹ năng ứng dụng CNTT và chuyển đổi số trong công tác truyền thông, tuyên truyền”: mỗi năm 02 lớp cho 200 cán bộ, giáo viên đến từ các đơn vị trực thuộc Sở và các phòng Giáo dục và Đào tạo.',
      budgetNote: 'Tổng kinh phí giai đoạn 2023-2025: 93,6 triệu đồng; mục 3.6 ghi nguồn vốn CĐTPT, CTX, NST.',
      budgets: [
        [2023, CTX_NST, 31.2],
        [2024, CTX_NST, 31.2],
        [2025, CTX_NST, 31.2],
      ],
      reports: [
        {
          status: 'in_progress',
          progress: 66,
          note: 'Đã mở 4 lớp năm 2023–2024 (dữ liệu mẫu).',
          on: '2024-12-10',
          by: null,
        },
      ],
    },
    {
      code: 'II.2.1',
      section: 'II.2',
      content: 'Dự án “Số hóa hồ sơ tài liệu lĩnh vực tài chính của Sở Giáo dục và Đào tạo”',
      lead: 'QNG.SGD.KHTC',
      start: '2023-01-01',
      end: '2025-12-31',
      period: 'Giai đoạn 1995 đến nay; thực hiện giai đoạn 2023-2025',
      outputs:
        'Hệ thống phần mềm số hóa hồ sơ tài liệu lĩnh vực tài chính; hồ sơ tài chính từ năm 1995 được chỉnh lý và số hóa.',
      budgets: [
        [2023, CTX_NST, 4000],
        [2024, CTX_NST, 6000],
        [2025, CTX_NST, 6000],
      ],
      reports: [
        {
          status: 'in_progress',
          progress: 55,
          note: 'Đã số hóa hồ sơ 1995–2010 (dữ liệu mẫu).',
          on: '2024-12-15',
          by: null,
        },
      ],
    },
    {
      code: 'II.3.1',
      section: 'II.3',
      content: 'Hệ thống tuyển sinh tiểu học (đáp ứng dịch vụ công mức độ 4)',
      lead: 'QNG.SGD.GDMNTH',
      coordinators: [OTHER_DIVISIONS],
      start: '2023-01-01',
      end: '2025-12-31',
      period: '2023-2025',
      outputs: 'Thuê dịch vụ theo yêu cầu riêng Hệ thống tuyển sinh lớp 1.',
      budgets: [[2023, CTX_NST, 2000]],
      reports: done('2024-07-31', 'so.gdmnth', 'Hệ thống đã vận hành cho tuyển sinh lớp 1 (dữ liệu mẫu).'),
    },
    {
      code: 'II.3.2',
      section: 'II.3',
      content: 'Xây dựng kho học liệu số Tiểu học',
      lead: 'QNG.SGD.GDMNTH',
      coordinators: [OTHER_DIVISIONS],
      start: '2023-01-01',
      end: '2025-12-31',
      period: '2023-2025',
      outputs: 'Kho học liệu số Tiểu học.',
      budgets: [[2023, CTX_NST, 2000]],
      reports: [
        {
          status: 'in_progress',
          progress: 60,
          note: 'Đã có học liệu lớp 1–3 (dữ liệu mẫu).',
          on: '2024-12-20',
          by: 'so.gdmnth',
        },
      ],
    },
    {
      code: 'II.3.3',
      section: 'II.3',
      content: 'Hệ thống tuyển sinh trung học cơ sở, trung học phổ thông (đáp ứng dịch vụ công mức độ 4)',
      lead: 'QNG.SGD.GDTRH',
      coordinators: [OTHER_DIVISIONS],
      start: '2023-01-01',
      end: '2025-12-31',
      period: '2023-2025',
      outputs:
        'Thuê dịch vụ theo yêu cầu riêng Hệ thống tuyển sinh trung học cơ sở, trung học phổ thông (đáp ứng dịch vụ công mức độ 4).',
      budgets: [[2023, CTX_NST, 4000]],
      reports: done('2024-08-15', 'so.gdtrh', 'Tuyển sinh lớp 6 và lớp 10 trực tuyến đã vận hành (dữ liệu mẫu).'),
    },
    {
      code: 'II.3.4',
      section: 'II.3',
      content: 'Xây dựng kho học liệu số THCS, THPT',
      lead: 'QNG.SGD.GDTRH',
      coordinators: [OTHER_DIVISIONS],
      start: '2023-01-01',
      end: '2025-12-31',
      period: '2023-2025',
      outputs: 'Kho học liệu số THCS, THPT.',
      budgets: [[2023, CTX_NST, 3000]],
    },
    {
      code: 'II.3.5',
      section: 'II.3',
      content: 'Hoàn thiện CSDL ngành về giáo dục phổ thông',
      lead: 'QNG.SGD.GDTRH',
      coordinators: ['Các trường THPT', 'Các phòng thuộc Sở GDĐT'],
      start: '2022-01-01',
      end: '2025-12-31',
      period: 'Hàng năm',
      outputs: 'Cập nhật đầy đủ thông tin vào CSDL ngành.',
      budgetNote: 'Miễn phí',
      reports: [
        {
          status: 'in_progress',
          progress: 85,
          note: 'Dữ liệu năm học 2024-2025 đã cập nhật (dữ liệu mẫu).',
          on: '2025-05-30',
          by: 'so.gdtrh',
        },
      ],
    },
    {
      code: 'II.3.6',
      section: 'II.3',
      content: 'CSDL Quản lý học sinh: triển khai hồ sơ điện tử',
      lead: 'QNG.SGD.GDTRH',
      coordinators: ['Các trường THPT', 'Các phòng thuộc Sở GDĐT'],
      start: '2022-01-01',
      end: '2025-12-31',
      period: 'Hàng năm',
      outputs: 'Cập nhật đầy đủ thông tin vào CSDL Quản lý học sinh.',
      budgetNote: 'Miễn phí',
    },
    {
      code: 'II.3.7',
      section: 'II.3',
      content: 'Xây dựng CSDL Kế hoạch bài dạy',
      lead: 'QNG.SGD.GDTRH',
      coordinators: ['Các trường THPT', 'Các phòng thuộc Sở GDĐT'],
      start: '2022-01-01',
      end: '2025-12-31',
      period: 'Hàng năm',
      outputs: 'Phát triển CSDL Kế hoạch bài dạy.',
      counted: false,
      budgetNote: '6 triệu/trường — chi thường xuyên của đơn vị (không tính vào tổng kế hoạch)',
    },
    {
      code: 'II.3.8',
      section: 'II.3',
      content: 'Tập huấn “Nâng cao năng lực Kỹ năng số và an toàn Internet” cho cán bộ, giáo viên các cơ sở giáo dục',
      lead: 'QNG.SGD.CTTT',
      coordinators: ['QNG.SGD.VP', 'QNG.SGD.GDTRH'],
      start: '2023-01-01',
      end: '2025-12-31',
      period: '2023 (giai đoạn 2023-2025)',
      outputs: 'Hướng dẫn dạy học “Nâng cao năng lực Kỹ năng số và an toàn Internet” dành cho giáo viên.',
      budgetNote: 'Tổng kinh phí giai đoạn 2023-2025: 93,6 triệu đồng.',
      budgets: [
        [2023, CTX_NST, 31.2],
        [2024, CTX_NST, 31.2],
        [2025, CTX_NST, 31.2],
      ],
      reports: done('2025-11-28', null, 'Đã hoàn thành các lớp tập huấn (dữ liệu mẫu).'),
    },
    {
      code: 'II.4.1',
      section: 'II.4',
      content: 'Nâng cao kỹ năng và phát triển nguồn nhân lực an toàn, an ninh mạng',
      lead: 'QNG.SGD.VP',
      coordinators: ['Sở Thông tin và Truyền thông', 'Các phòng thuộc Sở Giáo dục và Đào tạo'],
      start: '2023-01-01',
      end: '2025-12-31',
      period: '2023-2025',
      outputs:
        'Mỗi năm tập huấn 02 lớp cho 120 cán bộ, giáo viên công nghệ thông tin của các đơn vị trực thuộc Sở và các phòng Giáo dục và Đào tạo.',
      budgetNote: 'Tổng kinh phí giai đoạn 2023-2025: 60 triệu đồng.',
      budgets: [
        [2023, CTX_NST, 20],
        [2024, CTX_NST, 20],
        [2025, CTX_NST, 20],
      ],
      reports: done('2025-10-15', null, 'Đã tập huấn 6 lớp (dữ liệu mẫu).'),
    },
    {
      code: 'II.5.1',
      section: 'II.5',
      content: 'Phối hợp, cử lãnh đạo, công chức, viên chức và người lao động tham gia đào tạo, bồi dưỡng',
      lead: 'Sở Nội vụ',
      coordinators: ['QNG.SGD.TCCB'],
      start: '2022-01-01',
      end: '2025-12-31',
      period: '2022-2025',
      outputs:
        'Phối hợp với Sở Nội vụ rà soát, tổng hợp danh sách lãnh đạo, công chức, viên chức tham gia các khóa đào tạo, bồi dưỡng, tập huấn về chuyển đổi số, công nghệ số trong các đơn vị, cơ sở giáo dục trong ngành.',
      budgetNote: 'Không (Sở Nội vụ; Kế hoạch số 73/KH-UBND ngày 28/4/2022 của UBND tỉnh)',
    },
  ],
};

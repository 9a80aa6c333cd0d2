import type { DemoPlan, DemoTask } from './demo-plan-types.ts';

/**
 * Seed 003: "Kế hoạch Chuyển đổi số ngành Giáo dục và Đào tạo tỉnh Kon Tum năm 2023" of the
 * former Sở GDĐT Kon Tum (unit KTM.SGD, named as it was then) — real public content. Its task
 * appendix ("IV. Một số nhiệm vụ trọng tâm năm 2023 — theo phụ lục") is not in the seed: the
 * tasks are the items of part II (Nhiệm vụ), the platforms of III.3 and the duties of part VI
 * (Tổ chức thực hiện), with the lead units part VI names. The plan states no amounts (part V
 * names the sources only). The former Kon Tum divisions are not units of today's tree, so they
 * are kept as names. Progress reports are SYNTHETIC (invented for the demo).
 */

const VP = 'Văn phòng Sở GDĐT Kon Tum';
const IT = 'Tổ hỗ trợ ứng dụng CNTT của Sở GDĐT Kon Tum';
const KHTC = 'Phòng Kế hoạch - Tài chính, Sở GDĐT Kon Tum';
const YEAR = { start: '2023-01-01', end: '2023-12-31', period: 'Năm 2023' } as const;

const item = (
  code: string,
  section: string,
  content: string,
  lead: string,
  more: Partial<DemoTask> = {},
): DemoTask => ({
  code,
  section,
  content,
  lead,
  ...YEAR,
  reports: [
    { status: 'done', progress: 100, note: 'Đã hoàn thành trong năm 2023 (dữ liệu mẫu).', on: '2023-12-05', by: null },
  ],
  ...more,
});

/** The former Kon Tum district education offices (expired units of the tree), 10 districts. */
const OFFICES = Array.from({ length: 10 }, (_, i) => `KTM.H${String(i + 1).padStart(2, '0')}.PGD`);

export const PLAN_003: DemoPlan = {
  key: 'ktm-2023',
  number: null,
  issuedOn: null,
  unitCode: 'KTM.SGD',
  title: 'Kế hoạch Chuyển đổi số ngành Giáo dục và Đào tạo tỉnh Kon Tum năm 2023',
  yearFrom: 2023,
  yearTo: 2023,
  summary:
    'Kế hoạch của Sở GDĐT Kon Tum (trước hợp nhất tỉnh), thực hiện Kế hoạch số 4465/KH-UBND ngày 30/12/2022 của UBND tỉnh Kon Tum. Phụ lục nhiệm vụ trọng tâm không kèm theo bản nguồn: các nhiệm vụ lấy từ phần II, III.3 và VI. Kinh phí từ ngân sách nhà nước (chi sự nghiệp giáo dục theo phân cấp và chi đầu tư phát triển) và các nguồn huy động hợp pháp; kế hoạch không ghi số tiền. Báo cáo tiến độ là dữ liệu mẫu.',
  legalBases: [
    {
      number: '4465/KH-UBND',
      date: '2022-12-30',
      issuer: 'Ủy ban nhân dân tỉnh Kon Tum',
      title: 'Kế hoạch chuyển đổi số tỉnh Kon Tum năm 2023',
    },
    {
      number: '83/KH-SGDĐT',
      date: '2022-07-15',
      issuer: 'Sở GDĐT tỉnh Kon Tum',
      title:
        'Triển khai thực hiện tăng cường ứng dụng Công nghệ thông tin và chuyển đổi số ngành Giáo dục và Đào tạo giai đoạn 2022-2025, định hướng đến năm 2030',
    },
  ],
  sections: [
    { code: 'II', title: 'Nhiệm vụ' },
    { code: 'II.1', title: 'Nhận thức số' },
    { code: 'II.2', title: 'Thể chế số' },
    { code: 'II.3', title: 'Hạ tầng số' },
    { code: 'II.4', title: 'Các nền tảng số' },
    { code: 'II.5', title: 'Nhân lực số' },
    { code: 'II.6', title: 'An toàn thông tin mạng' },
    {
      code: 'III.3',
      title: 'Phát triển hệ sinh thái chuyển đổi số hoạt động dạy, học, kiểm tra, đánh giá và nghiên cứu khoa học',
    },
    { code: 'VI', title: 'Tổ chức thực hiện' },
  ],
  tasks: [
    item(
      'II.1.1',
      'II.1',
      'Tổ chức hiệu quả các hoạt động hưởng ứng Ngày Chuyển đổi số quốc gia và của tỉnh Kon Tum; chỉ đạo các đơn vị phổ cập, truyền thông bộ nhận diện Ngày Chuyển đổi số quốc gia trên cổng/trang thông tin điện tử của các cơ sở giáo dục.',
      VP,
    ),
    item(
      'II.1.2',
      'II.1',
      'Chỉ đạo các cơ sở giáo dục tham gia hiệu quả vào kênh truyền thông chuyển đổi số quốc gia để được cập nhật kịp thời thông tin mới nhất về chuyển đổi số phục vụ công tác.',
      VP,
    ),
    item(
      'II.2.1',
      'II.2',
      'Triển khai thực hiện các nhiệm vụ cụ thể hóa các mục tiêu, giải pháp trong Kế hoạch số 83/KH-SGDĐT; ban hành các văn bản hướng dẫn, chỉ đạo các đơn vị thực hiện các nhiệm vụ chuyển đổi số trong năm học 2023-2024; kiểm tra, đánh giá việc thực hiện các chỉ tiêu, nhiệm vụ về chuyển đổi số trong năm học đối với các cơ sở giáo dục trong toàn ngành.',
      VP,
    ),
    item(
      'II.3.1',
      'II.3',
      'Rà soát các máy tính cá nhân đang sử dụng tại các cơ quan, đơn vị thay thế các máy tính cũ đã xuống cấp, hết niên hạn sử dụng, trong đó ưu tiên trang bị máy tính xách tay.',
      IT,
      { coordinators: [KHTC] },
    ),
    item(
      'II.3.2',
      'II.3',
      'Thực hiện nâng cấp, bảo trì thường xuyên hệ thống cổng/trang thông tin điện tử của Sở GDĐT, Phòng GDĐT các huyện, thành phố và các đơn vị trực thuộc Sở GDĐT.',
      IT,
    ),
    item(
      'II.3.3',
      'II.3',
      'Tiếp tục theo dõi, cài đặt phần mềm phòng chống mã độc và diệt virus do Ủy ban nhân dân tỉnh cấp đối với các máy tính có kết nối internet tại cơ quan Sở GDĐT.',
      IT,
    ),
    item(
      'II.3.4',
      'II.3',
      'Củng cố, duy trì hệ thống mạng LAN, đường truyền Internet tốc độ cao của cơ quan Sở GDĐT, các đơn vị trực thuộc Sở.',
      IT,
    ),
    item(
      'II.4.1',
      'II.4',
      'Tiếp tục chỉ đạo các cơ sở giáo dục thực hiện đồng bộ dữ liệu giữa cơ sở dữ liệu quốc gia về dân cư với cơ sở dữ liệu quốc gia về giáo dục.',
      VP,
    ),
    item(
      'II.4.2',
      'II.4',
      'Tiếp tục vận hành có hiệu quả phần mềm cơ sở dữ liệu ngành của Bộ GDĐT; phần mềm quản lý số hóa văn bằng chứng chỉ; phần mềm quản lý văn bản và điều hành VNPT Ioffice; phần mềm Theo dõi Chỉ đạo điều hành của UBND tỉnh.',
      VP,
    ),
    item(
      'II.5.1',
      'II.5',
      'Tăng cường đào tạo, tập huấn cho cán bộ quản lý, giáo viên, nhân viên và người lao động ngành Giáo dục nâng cao trình độ CNTT, kỹ năng đảm bảo an toàn thông tin, đặc biệt là cán bộ phụ trách CNTT tại các đơn vị về kỹ năng số.',
      IT,
    ),
    item(
      'II.5.2',
      'II.5',
      'Hướng dẫn các cơ sở giáo dục sử dụng, khai thác có hiệu quả máy tính và máy tính bảng được tài trợ từ chương trình “Sóng và máy tính cho em”, từ Unicef Việt Nam và các nhà tài trợ khác.',
      IT,
    ),
    item(
      'II.6.1',
      'II.6',
      'Thường xuyên rà soát, cập nhật các Kế hoạch, quy chế, quy định về bảo đảm an toàn thông tin trong hoạt động của cơ quan Sở GDĐT.',
      VP,
    ),
    item(
      'II.6.2',
      'II.6',
      'Thực hiện sao lưu dữ liệu, bảo đảm hoạt động liên tục của cơ quan, tổ chức; sẵn sàng khôi phục hoạt động bình thường của hệ thống sau khi gặp sự cố mất an toàn thông tin mạng.',
      VP,
    ),
    item(
      'II.6.3',
      'II.6',
      'Tham gia đầy đủ các cuộc tập huấn, diễn tập thực chiến bảo đảm an toàn thông tin mạng do tỉnh tổ chức.',
      VP,
    ),
    item(
      'III.3.1',
      'III.3',
      'Tiếp tục phát triển các kho học liệu số các cấp học, học liệu mở chia sẻ dùng chung toàn ngành Giáo dục; thành lập các tổ công tác xây dựng và hoàn thiện kho học liệu số dùng chung cho từng lớp theo cấp học.',
      'Phòng Giáo dục Mầm non - Tiểu học, Giáo dục Trung học, Sở GDĐT Kon Tum',
    ),
    item(
      'III.3.2',
      'III.3',
      'Triển khai trang bị phần mềm tạo bài giảng E-Learning cho giáo viên của các trường phổ thông trên địa bàn toàn tỉnh; hướng dẫn khai thác, sử dụng và tạo kho bài giảng điện tử.',
      IT,
    ),
    item(
      'III.3.3',
      'III.3',
      'Triển khai dịch vụ chữ ký số trên phần mềm quản lý trường học cho cán bộ quản lý, giáo viên phổ thông trong toàn ngành GDĐT.',
      IT,
    ),
    item(
      'III.3.4',
      'III.3',
      'Triển khai xây dựng phần mềm điện tử đa ngôn ngữ tiếng dân tộc thiểu số (tiếng Ba Na, Gia Rai, Xơ Đăng, Giẻ-Triêng) theo lộ trình.',
      IT,
      {
        reports: [
          {
            status: 'in_progress',
            progress: 30,
            note: 'Đang biên soạn nội dung tiếng Ba Na, Xơ Đăng (dữ liệu mẫu).',
            on: '2023-11-30',
            by: null,
          },
        ],
      },
    ),
    item(
      'III.3.5',
      'III.3',
      'Xây dựng phần mềm tuyển sinh trực tuyến (tuyển sinh đầu cấp).',
      'Phòng Quản lý chất lượng và Giáo dục chuyên nghiệp, Sở GDĐT Kon Tum',
      { coordinators: [KHTC, IT] },
    ),
    item('III.3.6', 'III.3', 'Thuê phần mềm Trung tâm điều hành Giáo dục.', IT, { coordinators: [KHTC], reports: [] }),
    item('III.3.7', 'III.3', 'Triển khai phần mềm chỉ đạo điều hành ngành GDĐT.', IT, { reports: [] }),
    item('VI.1', 'VI', 'Đánh giá, xếp hạng mức độ chuyển đổi số của các đơn vị trực thuộc Sở.', VP),
    item(
      'VI.3',
      'VI',
      'Các đơn vị trực thuộc Sở xây dựng kế hoạch và triển khai thực hiện các nhiệm vụ chuyển đổi số của đơn vị.',
      'Các đơn vị trực thuộc Sở GDĐT Kon Tum',
      {
        start: '2023-01-01',
        end: '2023-02-24',
        period: 'Hoàn thành chậm nhất trước ngày 25/02/2023',
      },
    ),
    item(
      'VI.4',
      'VI',
      'Trung tâm GDNN-GDTX các huyện, Phòng GDĐT các huyện, thành phố xây dựng kế hoạch và triển khai thực hiện các nhiệm vụ chuyển đổi số của đơn vị; chỉ đạo các cơ sở giáo dục thuộc thẩm quyền quản lý xây dựng kế hoạch triển khai thực hiện.',
      'Phòng GDĐT các huyện, thành phố và Trung tâm GDNN-GDTX các huyện (tỉnh Kon Tum)',
      {
        start: '2023-01-01',
        end: '2023-02-27',
        period: 'Hoàn thành chậm nhất trước ngày 28/02/2023',
      },
    ),
    ...OFFICES.map((code, i) =>
      item(`VI.4.${i + 1}`, 'VI', 'Xây dựng kế hoạch chuyển đổi số năm 2023 của đơn vị.', code, {
        parent: 'VI.4',
        start: '2023-01-01',
        end: '2023-02-27',
        period: 'Trước ngày 28/02/2023',
      }),
    ),
    item(
      'VI.5.1',
      'VI',
      'Báo cáo kết quả triển khai thực hiện chuyển đổi số 6 tháng về Sở GDĐT (qua Văn phòng Sở): các đơn vị trực thuộc Sở và Trung tâm GDNN-GDTX các huyện.',
      'Các đơn vị trực thuộc Sở GDĐT Kon Tum',
      { start: '2023-01-01', end: '2023-05-31', period: 'Định kỳ 6 tháng, trước ngày 01/6' },
    ),
    item(
      'VI.5.2',
      'VI',
      'Báo cáo kết quả triển khai thực hiện chuyển đổi số hằng năm về Sở GDĐT (qua Văn phòng Sở): các đơn vị trực thuộc Sở và Trung tâm GDNN-GDTX các huyện.',
      'Các đơn vị trực thuộc Sở GDĐT Kon Tum',
      { start: '2023-06-01', end: '2023-12-05', period: 'Hằng năm, trước ngày 06/12' },
    ),
    item(
      'VI.5.3',
      'VI',
      'Đánh giá, tổng hợp và báo cáo kết quả chuyển đổi số 6 tháng của đơn vị và các cơ sở giáo dục thuộc quyền quản lý: Phòng GDĐT các huyện, thành phố.',
      'Phòng GDĐT các huyện, thành phố (tỉnh Kon Tum)',
      { start: '2023-01-01', end: '2023-06-04', period: 'Định kỳ 6 tháng, trước ngày 05/6' },
    ),
    item(
      'VI.5.4',
      'VI',
      'Đánh giá, tổng hợp và báo cáo kết quả chuyển đổi số hằng năm của đơn vị và các cơ sở giáo dục thuộc quyền quản lý: Phòng GDĐT các huyện, thành phố.',
      'Phòng GDĐT các huyện, thành phố (tỉnh Kon Tum)',
      { start: '2023-06-01', end: '2023-12-09', period: 'Hằng năm, trước ngày 10/12' },
    ),
  ],
};

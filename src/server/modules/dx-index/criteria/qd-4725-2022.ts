import type { DxCriteriaSet, DxCriterion, DxOption } from '../../../../shared/dx-index.schema.ts';

/**
 * The criteria set of Quyết định 4725/QĐ-BGDĐT (30/12/2022), "Bộ chỉ số đánh giá mức độ chuyển đổi
 * số cơ sở giáo dục phổ thông và giáo dục thường xuyên", as data. Migration 0036 loads exactly
 * this (a unit test compares them).
 *
 * What is CONFIRMED from published sources (the MOET decision as summarised by lawnet.vn's
 * "Set of indicators for assessing the level of digital transformation in schools in Vietnam",
 * luatminhkhue.vn, and VNPT's dti.vnedu.vn tool page):
 * - two groups, "Chuyển đổi số trong hoạt động dạy, học" and "Chuyển đổi số trong hoạt động quản
 *   trị cơ sở giáo dục", each scored out of 100;
 * - levels per group: Mức 1 (chưa đáp ứng) < 50, Mức 2 (đáp ứng cơ bản) 50–75, Mức 3 (đáp ứng tốt) > 75;
 * - in the teaching group, two mandatory conditions without points: an issued plan for online
 *   teaching (combined with face-to-face; separate or in the annual teaching plan) and an issued
 *   regulation on organising online teaching;
 * - live online-teaching software (licensed) counts for up to 6 points; an LMS/LCMS with
 *   functions such as teachers assigning lessons for self-study and answering questions counts;
 * - schools send the self-assessment before 31/5; the Sở (formerly also district offices)
 *   checks, approves or asks for more evidence, evaluates and publishes before 20/6.
 *
 * What is NOT confirmed (we could not read the decision's full annex): the other criteria's
 * exact wording, their points and tiers, the governance group's mandatory condition, and what
 * an unmet mandatory condition does to the level. Those criteria carry `unconfirmed: true` and
 * the UI says so; replace them with the annex's text as a new set version (never edit a set a
 * campaign used). MANDATORY_RULE: we read "điều kiện bắt buộc" as "a group whose mandatory
 * condition is unmet cannot be rated above Mức 1"; the set's `mandatoryRule` can be 'none'.
 */

const MET: DxOption[] = [
  { code: 'met', label: 'Đã đáp ứng', points: 0 },
  { code: 'not_met', label: 'Chưa đáp ứng', points: 0 },
];

/** Tiers of a share (of teachers, learners, subjects…) for a criterion worth `max` points. */
function shareTiers(max: number, of: string): DxOption[] {
  return [
    { code: 'lt30', label: `Dưới 30% ${of}`, points: 0 },
    { code: 'p30', label: `Từ 30% đến dưới 50% ${of}`, points: Math.round(max * 0.4) },
    { code: 'p50', label: `Từ 50% đến dưới 70% ${of}`, points: Math.round(max * 0.7) },
    { code: 'p70', label: `Từ 70% ${of} trở lên`, points: max },
  ];
}

function yesNo(max: number, yes: string, no: string): DxOption[] {
  return [
    { code: 'no', label: no, points: 0 },
    { code: 'yes', label: yes, points: max },
  ];
}

function c(
  code: string,
  title: string,
  kind: DxCriterion['kind'],
  maxPoints: number,
  options: DxOption[],
  evidence: string,
  description: string,
  unconfirmed: boolean,
): DxCriterion {
  return {
    code,
    title,
    description,
    kind,
    maxPoints,
    options: kind === 'points' ? [] : options,
    evidence,
    unconfirmed,
  };
}

export const QD_4725_2022: DxCriteriaSet = {
  code: 'QD4725-2022',
  title: 'Bộ chỉ số đánh giá mức độ chuyển đổi số cơ sở giáo dục phổ thông và giáo dục thường xuyên',
  decision: 'Quyết định số 4725/QĐ-BGDĐT ngày 30/12/2022 của Bộ trưởng Bộ Giáo dục và Đào tạo',
  target: 'school',
  mandatoryRule: 'cap_level_1',
  definition: {
    note: 'Cấu trúc hai nhóm tiêu chí, thang 100 điểm mỗi nhóm, ngưỡng mức độ và hai điều kiện bắt buộc của nhóm dạy, học theo Quyết định 4725/QĐ-BGDĐT. Các tiêu chí đánh dấu "chưa đối chiếu" có nội dung và điểm chưa được đối chiếu với phụ lục của Quyết định.',
    groups: [
      {
        code: 'teaching',
        title: 'Chuyển đổi số trong hoạt động dạy, học',
        maxPoints: 100,
        criteria: [
          c(
            'DH1',
            'Ban hành kế hoạch tổ chức dạy học trực tuyến',
            'mandatory',
            0,
            MET,
            'Văn bản kế hoạch đã ban hành (số, ngày) hoặc kế hoạch dạy học năm học có nội dung dạy học trực tuyến.',
            'Kế hoạch tổ chức dạy học trực tuyến (kết hợp với dạy học trực tiếp), ban hành riêng hoặc lồng ghép trong kế hoạch tổ chức dạy học hằng năm. Điều kiện bắt buộc.',
            false,
          ),
          c(
            'DH2',
            'Ban hành quy chế tổ chức dạy học trực tuyến',
            'mandatory',
            0,
            MET,
            'Quyết định ban hành quy chế (số, ngày) và toàn văn quy chế.',
            'Quy chế tổ chức dạy học trực tuyến của nhà trường. Điều kiện bắt buộc.',
            false,
          ),
          c(
            'DH3',
            'Triển khai phần mềm dạy học trực tuyến trực tiếp',
            'options',
            6,
            yesNo(6, 'Đã triển khai phần mềm có bản quyền/đăng ký sử dụng', 'Chưa triển khai'),
            'Tên phần mềm, hợp đồng hoặc văn bản đăng ký sử dụng, đường dẫn truy cập.',
            'Phần mềm dạy học trực tuyến trực tiếp (có bản quyền hoặc đăng ký sử dụng). Tối đa 6 điểm.',
            false,
          ),
          c(
            'DH4',
            'Triển khai hệ thống quản lý học tập trực tuyến (LMS/LCMS)',
            'points',
            14,
            [],
            'Tên giải pháp (tự xây dựng/thuê/mua), đường dẫn, ảnh chụp các chức năng.',
            'Hệ thống LMS/LCMS có các chức năng: giáo viên giao bài cho học sinh tự học; giáo viên giải đáp, hỗ trợ học sinh; học sinh nộp bài, làm bài kiểm tra; theo dõi quá trình học. Chấm 0–14 điểm theo số chức năng đáp ứng.',
            true,
          ),
          c(
            'DH5',
            'Tỷ lệ giáo viên tổ chức dạy học trên hệ thống LMS/LCMS',
            'options',
            15,
            shareTiers(15, 'giáo viên'),
            'Báo cáo thống kê từ hệ thống (số giáo viên có lớp học trực tuyến / tổng số giáo viên).',
            'Tỷ lệ giáo viên có tổ chức hoạt động dạy học (giao bài, hướng dẫn, đánh giá) trên hệ thống quản lý học tập trực tuyến trong năm học.',
            true,
          ),
          c(
            'DH6',
            'Tỷ lệ học sinh, học viên tham gia học tập trực tuyến',
            'options',
            15,
            shareTiers(15, 'học sinh, học viên'),
            'Báo cáo thống kê từ hệ thống (số học sinh có hoạt động học / tổng số học sinh).',
            'Tỷ lệ học sinh, học viên có tham gia học tập trên hệ thống quản lý học tập trực tuyến trong năm học.',
            true,
          ),
          c(
            'DH7',
            'Học liệu số phục vụ dạy học',
            'options',
            15,
            shareTiers(15, 'môn học'),
            'Danh mục bài giảng điện tử, ngân hàng câu hỏi, học liệu số; đường dẫn kho học liệu.',
            'Tỷ lệ môn học có học liệu số (bài giảng điện tử, ngân hàng câu hỏi, tài liệu, mô phỏng) được kiểm duyệt và chia sẻ trong kho học liệu của trường hoặc của ngành.',
            true,
          ),
          c(
            'DH8',
            'Kiểm tra, đánh giá trên máy tính hoặc trực tuyến',
            'options',
            10,
            [
              { code: 'none', label: 'Chưa tổ chức', points: 0 },
              { code: 'some', label: 'Tổ chức ở một số môn học', points: 5 },
              { code: 'most', label: 'Tổ chức ở phần lớn các môn học', points: 10 },
            ],
            'Kế hoạch, danh sách các bài kiểm tra đã tổ chức trên máy tính/trực tuyến, phần mềm sử dụng.',
            'Tổ chức kiểm tra, đánh giá thường xuyên hoặc định kỳ trên máy tính hoặc trực tuyến.',
            true,
          ),
          c(
            'DH9',
            'Hạ tầng, thiết bị phục vụ dạy học số',
            'options',
            15,
            shareTiers(15, 'phòng học có thiết bị trình chiếu và kết nối Internet'),
            'Danh mục thiết bị, phòng máy tính, đường truyền Internet (hợp đồng, băng thông).',
            'Phòng học có thiết bị trình chiếu, kết nối Internet; phòng máy tính đáp ứng dạy học Tin học và kiểm tra trên máy tính.',
            true,
          ),
          c(
            'DH10',
            'Giáo viên được bồi dưỡng kỹ năng số, dạy học trực tuyến',
            'options',
            10,
            shareTiers(10, 'giáo viên'),
            'Danh sách giáo viên đã được bồi dưỡng, chứng nhận hoàn thành.',
            'Tỷ lệ giáo viên được tập huấn, bồi dưỡng kỹ năng số và tổ chức dạy học trực tuyến.',
            true,
          ),
        ],
      },
      {
        code: 'governance',
        title: 'Chuyển đổi số trong hoạt động quản trị cơ sở giáo dục',
        maxPoints: 100,
        criteria: [
          c(
            'QT1',
            'Ban hành kế hoạch ứng dụng công nghệ thông tin, chuyển đổi số hằng năm',
            'mandatory',
            0,
            MET,
            'Kế hoạch đã ban hành (số, ngày).',
            'Kế hoạch ứng dụng công nghệ thông tin, chuyển đổi số của nhà trường trong năm học.',
            true,
          ),
          c(
            'QT2',
            'Quy chế bảo đảm an toàn thông tin, bảo vệ dữ liệu cá nhân',
            'options',
            5,
            yesNo(5, 'Đã ban hành', 'Chưa ban hành'),
            'Quyết định ban hành quy chế.',
            'Quy chế quản lý, vận hành hệ thống thông tin, bảo đảm an toàn thông tin và bảo vệ dữ liệu cá nhân.',
            true,
          ),
          c(
            'QT3',
            'Sử dụng phần mềm quản trị nhà trường',
            'options',
            15,
            [
              { code: 'none', label: 'Chưa sử dụng', points: 0 },
              { code: 'partial', label: 'Sử dụng một phần (hồ sơ học sinh, giáo viên)', points: 8 },
              {
                code: 'full',
                label: 'Sử dụng đầy đủ (học sinh, giáo viên, cơ sở vật chất, thời khóa biểu, tài chính)',
                points: 15,
              },
            ],
            'Tên phần mềm, ảnh chụp các phân hệ đang sử dụng.',
            'Phần mềm quản trị nhà trường quản lý hồ sơ học sinh, giáo viên, cơ sở vật chất, thời khóa biểu, tài chính.',
            true,
          ),
          c(
            'QT4',
            'Cập nhật, kết nối dữ liệu với cơ sở dữ liệu ngành giáo dục',
            'options',
            15,
            [
              { code: 'no', label: 'Chưa cập nhật đầy đủ, đúng hạn', points: 0 },
              { code: 'yes', label: 'Cập nhật đầy đủ, đúng hạn', points: 10 },
              { code: 'sync', label: 'Cập nhật đầy đủ, đúng hạn và kết nối tự động', points: 15 },
            ],
            'Báo cáo tình trạng cập nhật dữ liệu trên cơ sở dữ liệu ngành.',
            'Dữ liệu trường, lớp, học sinh, đội ngũ được cập nhật đầy đủ, đúng hạn lên cơ sở dữ liệu ngành.',
            true,
          ),
          c(
            'QT5',
            'Sổ điểm điện tử, học bạ số',
            'options',
            15,
            [
              { code: 'none', label: 'Chưa triển khai', points: 0 },
              { code: 'grades', label: 'Sổ điểm điện tử', points: 8 },
              { code: 'records', label: 'Sổ điểm điện tử và học bạ số', points: 15 },
            ],
            'Ảnh chụp sổ điểm điện tử, văn bản triển khai học bạ số.',
            'Quản lý kết quả học tập bằng sổ điểm điện tử; học bạ số có chữ ký số.',
            true,
          ),
          c(
            'QT6',
            'Văn phòng điện tử, chữ ký số',
            'options',
            10,
            [
              { code: 'none', label: 'Chưa triển khai', points: 0 },
              { code: 'docs', label: 'Quản lý văn bản đi, đến trên phần mềm', points: 5 },
              { code: 'signed', label: 'Quản lý văn bản trên phần mềm và ký số văn bản đi', points: 10 },
            ],
            'Tên hệ thống, thống kê văn bản đi/đến xử lý trên hệ thống.',
            'Quản lý văn bản, hồ sơ công việc trên môi trường điện tử; sử dụng chữ ký số.',
            true,
          ),
          c(
            'QT7',
            'Thu phí, dịch vụ không dùng tiền mặt',
            'options',
            10,
            shareTiers(10, 'khoản thu'),
            'Thống kê các khoản thu qua ngân hàng, ví điện tử.',
            'Tỷ lệ khoản thu học phí và các dịch vụ được thanh toán không dùng tiền mặt.',
            true,
          ),
          c(
            'QT8',
            'Cổng/trang thông tin điện tử và công khai thông tin',
            'options',
            10,
            yesNo(10, 'Có trang thông tin, cập nhật thường xuyên và công khai theo quy định', 'Chưa đáp ứng'),
            'Đường dẫn trang thông tin điện tử, mục công khai.',
            'Trang thông tin điện tử của nhà trường hoạt động, cập nhật thường xuyên, công khai thông tin theo quy định.',
            true,
          ),
          c(
            'QT9',
            'Trao đổi thông tin với cha mẹ học sinh qua kênh số',
            'options',
            10,
            shareTiers(10, 'cha mẹ học sinh'),
            'Tên ứng dụng (sổ liên lạc điện tử…), thống kê tài khoản sử dụng.',
            'Tỷ lệ cha mẹ học sinh nhận thông tin, kết quả học tập qua sổ liên lạc điện tử hoặc ứng dụng.',
            true,
          ),
          c(
            'QT10',
            'Nhân lực chuyển đổi số',
            'points',
            10,
            [],
            'Quyết định phân công người phụ trách CNTT; danh sách cán bộ quản lý, nhân viên được bồi dưỡng kỹ năng số.',
            'Có người phụ trách công nghệ thông tin; cán bộ quản lý, nhân viên được bồi dưỡng kỹ năng số. Chấm 0–10 điểm.',
            true,
          ),
        ],
      },
    ],
  },
};

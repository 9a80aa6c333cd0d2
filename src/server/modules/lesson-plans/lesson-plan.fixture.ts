import { LessonPlan } from '../../../shared/lesson-plan.schema.ts';

/**
 * A SYNTHETIC lesson plan (dữ liệu minh họa) for tests and the demo: Khoa học tự nhiên 6,
 * "Bài 5: Lực ma sát", two periods. Written for this project in the CV 5512 frame; the school
 * is one of the demo province's invented schools, the teachers are invented, and the text is
 * not copied from any published plan or textbook. The resource ids are placeholders until the
 * demo loads library resources.
 */
export const SAMPLE_LESSON_PLAN_SYNTHETIC = true;

export const SAMPLE_LESSON_PLAN_RESOURCE_IDS = [
  '5a6f0c8e-1d2b-4c3a-9e8f-000000000501',
  '5a6f0c8e-1d2b-4c3a-9e8f-000000000502',
] as const;

export const sampleLessonPlan = (): LessonPlan =>
  LessonPlan.parse({
    header: {
      school: 'Trường TH&THCS Sơn Thượng',
      department: 'Tổ Khoa học tự nhiên',
      subject: { code: 'khtn', name: 'Khoa học tự nhiên' },
      grade: 6,
      title: 'Bài 5: Lực ma sát',
      periods: 2,
      teachers: ['Nguyễn Thị Ánh Tuyết', 'Hồ Văn Ửng'],
      series: null,
    },
    objectives: {
      knowledge: [
        'Nêu được lực ma sát là lực tiếp xúc xuất hiện ở bề mặt tiếp xúc giữa hai vật.',
        'Nêu được khái niệm lực ma sát trượt và lực ma sát nghỉ; lấy được ví dụ về mỗi loại.',
        'Nêu được tác dụng cản trở và tác dụng thúc đẩy chuyển động của lực ma sát.',
        'Lấy được ví dụ về ảnh hưởng của lực ma sát trong an toàn giao thông đường bộ.',
      ],
      competences: {
        general: {
          selfStudy: ['Chủ động đọc sách giáo khoa và xem học liệu số để tìm hiểu về lực ma sát.'],
          communication: ['Hợp tác trong nhóm khi làm thí nghiệm đo lực ma sát trượt, trình bày kết quả trước lớp.'],
          problemSolving: [
            'Đề xuất cách làm tăng hoặc giảm ma sát trong những tình huống thực tế ở gia đình, ở trường.',
          ],
        },
        specific: [
          'Nhận thức khoa học tự nhiên: phân biệt được lực ma sát trượt và lực ma sát nghỉ.',
          'Tìm hiểu tự nhiên: thực hiện được thí nghiệm cho thấy độ lớn của lực ma sát trượt phụ thuộc vào bề mặt tiếp xúc.',
          'Vận dụng kiến thức, kĩ năng đã học: giải thích được vì sao lốp xe có khía rãnh, vì sao đi trên đường trơn dễ ngã.',
        ],
      },
      qualities: [
        'Chăm chỉ: tích cực tham gia các hoạt động học tập.',
        'Trung thực: ghi và báo cáo đúng số liệu thí nghiệm đo được.',
        'Trách nhiệm: có ý thức chấp hành quy định về an toàn giao thông đường bộ.',
      ],
    },
    materials: {
      teacher: [
        'Mỗi nhóm: 1 lực kế 0–5 N, 1 khối gỗ có móc, 1 tấm ván nhẵn, 1 tấm ván phủ giấy nhám.',
        'Video “Ma sát quanh ta” và mô phỏng “Lực ma sát” từ kho học liệu số.',
        'Phiếu học tập số 1 (đo lực ma sát trượt) và số 2 (ma sát có lợi, có hại).',
      ],
      students: ['Đọc trước bài học; mỗi em tìm một ví dụ về ma sát trong đời sống.'],
    },
    activities: [
      {
        stage: 'opening',
        name: 'Mở đầu: Vì sao khó đẩy thùng hàng trên sàn nhà?',
        minutes: 10,
        objective: 'Tạo hứng thú, giúp học sinh nhận ra có một lực cản trở khi đẩy vật trên mặt sàn.',
        content: 'Học sinh quan sát tình huống đẩy thùng hàng nặng trên sàn nhà và trên sàn có rải cát, nêu dự đoán.',
        product: 'Câu trả lời dự đoán của học sinh về lực cản trở chuyển động của thùng hàng.',
        organisation: {
          assign:
            'Giáo viên chiếu hình ảnh hai bạn đẩy thùng hàng, đặt câu hỏi: “Vì sao đẩy trên sàn có cát lại khó hơn?”',
          perform: 'Học sinh suy nghĩ cá nhân trong 2 phút, ghi dự đoán vào vở.',
          report: 'Hai, ba học sinh nêu dự đoán; các bạn khác bổ sung.',
          conclude: 'Giáo viên ghi nhận các dự đoán và dẫn dắt vào bài: lực đó là lực ma sát.',
        },
      },
      {
        stage: 'newKnowledge',
        name: 'Tìm hiểu lực ma sát trượt và lực ma sát nghỉ',
        minutes: 30,
        objective: 'Nêu được khái niệm lực ma sát, lực ma sát trượt, lực ma sát nghỉ.',
        content:
          'Học sinh làm thí nghiệm kéo khối gỗ trên tấm ván nhẵn và tấm ván phủ giấy nhám, đọc số chỉ của lực kế, hoàn thành Phiếu học tập số 1.',
        product:
          'Phiếu học tập số 1 đã hoàn thành.\nLực ma sát trượt xuất hiện khi một vật trượt trên bề mặt vật khác; lực ma sát nghỉ giữ cho vật không trượt khi bị lực khác tác dụng.',
        organisation: {
          assign:
            'Giáo viên chia lớp thành 6 nhóm, phát dụng cụ và Phiếu học tập số 1, hướng dẫn cách móc lực kế và kéo đều tay.',
          perform:
            'Các nhóm kéo khối gỗ trên hai tấm ván, mỗi lần đo ghi số chỉ lực kế; quan sát số chỉ khi khối gỗ chưa chuyển động.',
          report: 'Đại diện hai nhóm báo cáo số liệu; các nhóm khác so sánh với kết quả của mình.',
          conclude: 'Giáo viên chuẩn hóa khái niệm lực ma sát trượt, lực ma sát nghỉ; học sinh ghi vào vở.',
        },
      },
      {
        stage: 'newKnowledge',
        name: 'Tìm hiểu tác dụng của lực ma sát',
        minutes: 25,
        objective: 'Nêu được tác dụng cản trở và tác dụng thúc đẩy chuyển động của lực ma sát.',
        content:
          'Học sinh xem video “Ma sát quanh ta”, phân loại các ví dụ ma sát có lợi, ma sát có hại trong Phiếu học tập số 2.',
        product: 'Bảng phân loại ma sát có lợi, ma sát có hại và cách làm tăng, giảm ma sát.',
        organisation: {
          assign: 'Giáo viên chiếu video, giao Phiếu học tập số 2 cho từng cặp đôi.',
          perform: 'Các cặp đôi thảo luận và điền phiếu trong 7 phút.',
          report: 'Giáo viên gọi ngẫu nhiên ba cặp trình bày; cả lớp nhận xét.',
          conclude:
            'Giáo viên kết luận: lực ma sát có thể cản trở hoặc thúc đẩy chuyển động; nêu ví dụ phanh xe, dép đi trên sàn đá hoa.',
        },
      },
      {
        stage: 'practice',
        name: 'Luyện tập',
        minutes: 15,
        objective: 'Củng cố khái niệm và tác dụng của lực ma sát.',
        content: 'Học sinh trả lời 5 câu hỏi trắc nghiệm và 1 câu hỏi tự luận ngắn.',
        product: 'Đáp án các câu hỏi luyện tập.',
        organisation: {
          assign: 'Giáo viên chiếu câu hỏi trên màn hình.',
          perform: 'Học sinh làm bài cá nhân.',
          report: 'Học sinh giơ thẻ đáp án; một học sinh trình bày câu tự luận.',
          conclude: 'Giáo viên chữa bài, nhấn mạnh những lỗi thường gặp.',
        },
      },
      {
        stage: 'application',
        name: 'Vận dụng: Ma sát và an toàn giao thông',
        minutes: 10,
        objective: 'Vận dụng hiểu biết về lực ma sát để giải thích các quy định an toàn giao thông.',
        content: 'Giải thích vì sao trời mưa xe dễ bị trượt, vì sao lốp xe mòn cần được thay.',
        product: 'Bài viết ngắn (5–7 câu) của học sinh, nộp vào tiết học sau.',
        organisation: {
          assign: 'Giáo viên giao nhiệm vụ về nhà.',
          perform: 'Học sinh tìm hiểu, có thể hỏi người thân đi xe máy.',
          report: 'Học sinh nộp bài vào đầu tiết học sau.',
          conclude: 'Giáo viên nhận xét, tuyên dương những bài viết tốt.',
        },
      },
    ],
    resourceIds: [...SAMPLE_LESSON_PLAN_RESOURCE_IDS],
    attribution: null,
  });

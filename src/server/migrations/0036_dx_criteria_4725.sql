-- The criteria set of Quyết định 4725/QĐ-BGDĐT (30/12/2022) as data: generated from
-- src/server/modules/dx-index/criteria/qd-4725-2022.ts (a unit test checks they are equal), where
-- what is confirmed from a source and what is not is written down. Criteria marked
-- "unconfirmed" were not checked against the decision's annex.
INSERT INTO dx_criteria_sets (code, title, decision, target, mandatory_rule, definition) VALUES (
  'QD4725-2022',
  'Bộ chỉ số đánh giá mức độ chuyển đổi số cơ sở giáo dục phổ thông và giáo dục thường xuyên',
  'Quyết định số 4725/QĐ-BGDĐT ngày 30/12/2022 của Bộ trưởng Bộ Giáo dục và Đào tạo',
  'school',
  'cap_level_1',
  $json${
 "note": "Cấu trúc hai nhóm tiêu chí, thang 100 điểm mỗi nhóm, ngưỡng mức độ và hai điều kiện bắt buộc của nhóm dạy, học theo Quyết định 4725/QĐ-BGDĐT. Các tiêu chí đánh dấu \"chưa đối chiếu\" có nội dung và điểm chưa được đối chiếu với phụ lục của Quyết định.",
 "groups": [
  {
   "code": "teaching",
   "title": "Chuyển đổi số trong hoạt động dạy, học",
   "maxPoints": 100,
   "criteria": [
    {
     "code": "DH1",
     "title": "Ban hành kế hoạch tổ chức dạy học trực tuyến",
     "description": "Kế hoạch tổ chức dạy học trực tuyến (kết hợp với dạy học trực tiếp), ban hành riêng hoặc lồng ghép trong kế hoạch tổ chức dạy học hằng năm. Điều kiện bắt buộc.",
     "kind": "mandatory",
     "maxPoints": 0,
     "options": [
      {
       "code": "met",
       "label": "Đã đáp ứng",
       "points": 0
      },
      {
       "code": "not_met",
       "label": "Chưa đáp ứng",
       "points": 0
      }
     ],
     "evidence": "Văn bản kế hoạch đã ban hành (số, ngày) hoặc kế hoạch dạy học năm học có nội dung dạy học trực tuyến.",
     "unconfirmed": false
    },
    {
     "code": "DH2",
     "title": "Ban hành quy chế tổ chức dạy học trực tuyến",
     "description": "Quy chế tổ chức dạy học trực tuyến của nhà trường. Điều kiện bắt buộc.",
     "kind": "mandatory",
     "maxPoints": 0,
     "options": [
      {
       "code": "met",
       "label": "Đã đáp ứng",
       "points": 0
      },
      {
       "code": "not_met",
       "label": "Chưa đáp ứng",
       "points": 0
      }
     ],
     "evidence": "Quyết định ban hành quy chế (số, ngày) và toàn văn quy chế.",
     "unconfirmed": false
    },
    {
     "code": "DH3",
     "title": "Triển khai phần mềm dạy học trực tuyến trực tiếp",
     "description": "Phần mềm dạy học trực tuyến trực tiếp (có bản quyền hoặc đăng ký sử dụng). Tối đa 6 điểm.",
     "kind": "options",
     "maxPoints": 6,
     "options": [
      {
       "code": "no",
       "label": "Chưa triển khai",
       "points": 0
      },
      {
       "code": "yes",
       "label": "Đã triển khai phần mềm có bản quyền/đăng ký sử dụng",
       "points": 6
      }
     ],
     "evidence": "Tên phần mềm, hợp đồng hoặc văn bản đăng ký sử dụng, đường dẫn truy cập.",
     "unconfirmed": false
    },
    {
     "code": "DH4",
     "title": "Triển khai hệ thống quản lý học tập trực tuyến (LMS/LCMS)",
     "description": "Hệ thống LMS/LCMS có các chức năng: giáo viên giao bài cho học sinh tự học; giáo viên giải đáp, hỗ trợ học sinh; học sinh nộp bài, làm bài kiểm tra; theo dõi quá trình học. Chấm 0–14 điểm theo số chức năng đáp ứng.",
     "kind": "points",
     "maxPoints": 14,
     "options": [],
     "evidence": "Tên giải pháp (tự xây dựng/thuê/mua), đường dẫn, ảnh chụp các chức năng.",
     "unconfirmed": true
    },
    {
     "code": "DH5",
     "title": "Tỷ lệ giáo viên tổ chức dạy học trên hệ thống LMS/LCMS",
     "description": "Tỷ lệ giáo viên có tổ chức hoạt động dạy học (giao bài, hướng dẫn, đánh giá) trên hệ thống quản lý học tập trực tuyến trong năm học.",
     "kind": "options",
     "maxPoints": 15,
     "options": [
      {
       "code": "lt30",
       "label": "Dưới 30% giáo viên",
       "points": 0
      },
      {
       "code": "p30",
       "label": "Từ 30% đến dưới 50% giáo viên",
       "points": 6
      },
      {
       "code": "p50",
       "label": "Từ 50% đến dưới 70% giáo viên",
       "points": 11
      },
      {
       "code": "p70",
       "label": "Từ 70% giáo viên trở lên",
       "points": 15
      }
     ],
     "evidence": "Báo cáo thống kê từ hệ thống (số giáo viên có lớp học trực tuyến / tổng số giáo viên).",
     "unconfirmed": true
    },
    {
     "code": "DH6",
     "title": "Tỷ lệ học sinh, học viên tham gia học tập trực tuyến",
     "description": "Tỷ lệ học sinh, học viên có tham gia học tập trên hệ thống quản lý học tập trực tuyến trong năm học.",
     "kind": "options",
     "maxPoints": 15,
     "options": [
      {
       "code": "lt30",
       "label": "Dưới 30% học sinh, học viên",
       "points": 0
      },
      {
       "code": "p30",
       "label": "Từ 30% đến dưới 50% học sinh, học viên",
       "points": 6
      },
      {
       "code": "p50",
       "label": "Từ 50% đến dưới 70% học sinh, học viên",
       "points": 11
      },
      {
       "code": "p70",
       "label": "Từ 70% học sinh, học viên trở lên",
       "points": 15
      }
     ],
     "evidence": "Báo cáo thống kê từ hệ thống (số học sinh có hoạt động học / tổng số học sinh).",
     "unconfirmed": true
    },
    {
     "code": "DH7",
     "title": "Học liệu số phục vụ dạy học",
     "description": "Tỷ lệ môn học có học liệu số (bài giảng điện tử, ngân hàng câu hỏi, tài liệu, mô phỏng) được kiểm duyệt và chia sẻ trong kho học liệu của trường hoặc của ngành.",
     "kind": "options",
     "maxPoints": 15,
     "options": [
      {
       "code": "lt30",
       "label": "Dưới 30% môn học",
       "points": 0
      },
      {
       "code": "p30",
       "label": "Từ 30% đến dưới 50% môn học",
       "points": 6
      },
      {
       "code": "p50",
       "label": "Từ 50% đến dưới 70% môn học",
       "points": 11
      },
      {
       "code": "p70",
       "label": "Từ 70% môn học trở lên",
       "points": 15
      }
     ],
     "evidence": "Danh mục bài giảng điện tử, ngân hàng câu hỏi, học liệu số; đường dẫn kho học liệu.",
     "unconfirmed": true
    },
    {
     "code": "DH8",
     "title": "Kiểm tra, đánh giá trên máy tính hoặc trực tuyến",
     "description": "Tổ chức kiểm tra, đánh giá thường xuyên hoặc định kỳ trên máy tính hoặc trực tuyến.",
     "kind": "options",
     "maxPoints": 10,
     "options": [
      {
       "code": "none",
       "label": "Chưa tổ chức",
       "points": 0
      },
      {
       "code": "some",
       "label": "Tổ chức ở một số môn học",
       "points": 5
      },
      {
       "code": "most",
       "label": "Tổ chức ở phần lớn các môn học",
       "points": 10
      }
     ],
     "evidence": "Kế hoạch, danh sách các bài kiểm tra đã tổ chức trên máy tính/trực tuyến, phần mềm sử dụng.",
     "unconfirmed": true
    },
    {
     "code": "DH9",
     "title": "Hạ tầng, thiết bị phục vụ dạy học số",
     "description": "Phòng học có thiết bị trình chiếu, kết nối Internet; phòng máy tính đáp ứng dạy học Tin học và kiểm tra trên máy tính.",
     "kind": "options",
     "maxPoints": 15,
     "options": [
      {
       "code": "lt30",
       "label": "Dưới 30% phòng học có thiết bị trình chiếu và kết nối Internet",
       "points": 0
      },
      {
       "code": "p30",
       "label": "Từ 30% đến dưới 50% phòng học có thiết bị trình chiếu và kết nối Internet",
       "points": 6
      },
      {
       "code": "p50",
       "label": "Từ 50% đến dưới 70% phòng học có thiết bị trình chiếu và kết nối Internet",
       "points": 11
      },
      {
       "code": "p70",
       "label": "Từ 70% phòng học có thiết bị trình chiếu và kết nối Internet trở lên",
       "points": 15
      }
     ],
     "evidence": "Danh mục thiết bị, phòng máy tính, đường truyền Internet (hợp đồng, băng thông).",
     "unconfirmed": true
    },
    {
     "code": "DH10",
     "title": "Giáo viên được bồi dưỡng kỹ năng số, dạy học trực tuyến",
     "description": "Tỷ lệ giáo viên được tập huấn, bồi dưỡng kỹ năng số và tổ chức dạy học trực tuyến.",
     "kind": "options",
     "maxPoints": 10,
     "options": [
      {
       "code": "lt30",
       "label": "Dưới 30% giáo viên",
       "points": 0
      },
      {
       "code": "p30",
       "label": "Từ 30% đến dưới 50% giáo viên",
       "points": 4
      },
      {
       "code": "p50",
       "label": "Từ 50% đến dưới 70% giáo viên",
       "points": 7
      },
      {
       "code": "p70",
       "label": "Từ 70% giáo viên trở lên",
       "points": 10
      }
     ],
     "evidence": "Danh sách giáo viên đã được bồi dưỡng, chứng nhận hoàn thành.",
     "unconfirmed": true
    }
   ]
  },
  {
   "code": "governance",
   "title": "Chuyển đổi số trong hoạt động quản trị cơ sở giáo dục",
   "maxPoints": 100,
   "criteria": [
    {
     "code": "QT1",
     "title": "Ban hành kế hoạch ứng dụng công nghệ thông tin, chuyển đổi số hằng năm",
     "description": "Kế hoạch ứng dụng công nghệ thông tin, chuyển đổi số của nhà trường trong năm học.",
     "kind": "mandatory",
     "maxPoints": 0,
     "options": [
      {
       "code": "met",
       "label": "Đã đáp ứng",
       "points": 0
      },
      {
       "code": "not_met",
       "label": "Chưa đáp ứng",
       "points": 0
      }
     ],
     "evidence": "Kế hoạch đã ban hành (số, ngày).",
     "unconfirmed": true
    },
    {
     "code": "QT2",
     "title": "Quy chế bảo đảm an toàn thông tin, bảo vệ dữ liệu cá nhân",
     "description": "Quy chế quản lý, vận hành hệ thống thông tin, bảo đảm an toàn thông tin và bảo vệ dữ liệu cá nhân.",
     "kind": "options",
     "maxPoints": 5,
     "options": [
      {
       "code": "no",
       "label": "Chưa ban hành",
       "points": 0
      },
      {
       "code": "yes",
       "label": "Đã ban hành",
       "points": 5
      }
     ],
     "evidence": "Quyết định ban hành quy chế.",
     "unconfirmed": true
    },
    {
     "code": "QT3",
     "title": "Sử dụng phần mềm quản trị nhà trường",
     "description": "Phần mềm quản trị nhà trường quản lý hồ sơ học sinh, giáo viên, cơ sở vật chất, thời khóa biểu, tài chính.",
     "kind": "options",
     "maxPoints": 15,
     "options": [
      {
       "code": "none",
       "label": "Chưa sử dụng",
       "points": 0
      },
      {
       "code": "partial",
       "label": "Sử dụng một phần (hồ sơ học sinh, giáo viên)",
       "points": 8
      },
      {
       "code": "full",
       "label": "Sử dụng đầy đủ (học sinh, giáo viên, cơ sở vật chất, thời khóa biểu, tài chính)",
       "points": 15
      }
     ],
     "evidence": "Tên phần mềm, ảnh chụp các phân hệ đang sử dụng.",
     "unconfirmed": true
    },
    {
     "code": "QT4",
     "title": "Cập nhật, kết nối dữ liệu với cơ sở dữ liệu ngành giáo dục",
     "description": "Dữ liệu trường, lớp, học sinh, đội ngũ được cập nhật đầy đủ, đúng hạn lên cơ sở dữ liệu ngành.",
     "kind": "options",
     "maxPoints": 15,
     "options": [
      {
       "code": "no",
       "label": "Chưa cập nhật đầy đủ, đúng hạn",
       "points": 0
      },
      {
       "code": "yes",
       "label": "Cập nhật đầy đủ, đúng hạn",
       "points": 10
      },
      {
       "code": "sync",
       "label": "Cập nhật đầy đủ, đúng hạn và kết nối tự động",
       "points": 15
      }
     ],
     "evidence": "Báo cáo tình trạng cập nhật dữ liệu trên cơ sở dữ liệu ngành.",
     "unconfirmed": true
    },
    {
     "code": "QT5",
     "title": "Sổ điểm điện tử, học bạ số",
     "description": "Quản lý kết quả học tập bằng sổ điểm điện tử; học bạ số có chữ ký số.",
     "kind": "options",
     "maxPoints": 15,
     "options": [
      {
       "code": "none",
       "label": "Chưa triển khai",
       "points": 0
      },
      {
       "code": "grades",
       "label": "Sổ điểm điện tử",
       "points": 8
      },
      {
       "code": "records",
       "label": "Sổ điểm điện tử và học bạ số",
       "points": 15
      }
     ],
     "evidence": "Ảnh chụp sổ điểm điện tử, văn bản triển khai học bạ số.",
     "unconfirmed": true
    },
    {
     "code": "QT6",
     "title": "Văn phòng điện tử, chữ ký số",
     "description": "Quản lý văn bản, hồ sơ công việc trên môi trường điện tử; sử dụng chữ ký số.",
     "kind": "options",
     "maxPoints": 10,
     "options": [
      {
       "code": "none",
       "label": "Chưa triển khai",
       "points": 0
      },
      {
       "code": "docs",
       "label": "Quản lý văn bản đi, đến trên phần mềm",
       "points": 5
      },
      {
       "code": "signed",
       "label": "Quản lý văn bản trên phần mềm và ký số văn bản đi",
       "points": 10
      }
     ],
     "evidence": "Tên hệ thống, thống kê văn bản đi/đến xử lý trên hệ thống.",
     "unconfirmed": true
    },
    {
     "code": "QT7",
     "title": "Thu phí, dịch vụ không dùng tiền mặt",
     "description": "Tỷ lệ khoản thu học phí và các dịch vụ được thanh toán không dùng tiền mặt.",
     "kind": "options",
     "maxPoints": 10,
     "options": [
      {
       "code": "lt30",
       "label": "Dưới 30% khoản thu",
       "points": 0
      },
      {
       "code": "p30",
       "label": "Từ 30% đến dưới 50% khoản thu",
       "points": 4
      },
      {
       "code": "p50",
       "label": "Từ 50% đến dưới 70% khoản thu",
       "points": 7
      },
      {
       "code": "p70",
       "label": "Từ 70% khoản thu trở lên",
       "points": 10
      }
     ],
     "evidence": "Thống kê các khoản thu qua ngân hàng, ví điện tử.",
     "unconfirmed": true
    },
    {
     "code": "QT8",
     "title": "Cổng/trang thông tin điện tử và công khai thông tin",
     "description": "Trang thông tin điện tử của nhà trường hoạt động, cập nhật thường xuyên, công khai thông tin theo quy định.",
     "kind": "options",
     "maxPoints": 10,
     "options": [
      {
       "code": "no",
       "label": "Chưa đáp ứng",
       "points": 0
      },
      {
       "code": "yes",
       "label": "Có trang thông tin, cập nhật thường xuyên và công khai theo quy định",
       "points": 10
      }
     ],
     "evidence": "Đường dẫn trang thông tin điện tử, mục công khai.",
     "unconfirmed": true
    },
    {
     "code": "QT9",
     "title": "Trao đổi thông tin với cha mẹ học sinh qua kênh số",
     "description": "Tỷ lệ cha mẹ học sinh nhận thông tin, kết quả học tập qua sổ liên lạc điện tử hoặc ứng dụng.",
     "kind": "options",
     "maxPoints": 10,
     "options": [
      {
       "code": "lt30",
       "label": "Dưới 30% cha mẹ học sinh",
       "points": 0
      },
      {
       "code": "p30",
       "label": "Từ 30% đến dưới 50% cha mẹ học sinh",
       "points": 4
      },
      {
       "code": "p50",
       "label": "Từ 50% đến dưới 70% cha mẹ học sinh",
       "points": 7
      },
      {
       "code": "p70",
       "label": "Từ 70% cha mẹ học sinh trở lên",
       "points": 10
      }
     ],
     "evidence": "Tên ứng dụng (sổ liên lạc điện tử…), thống kê tài khoản sử dụng.",
     "unconfirmed": true
    },
    {
     "code": "QT10",
     "title": "Nhân lực chuyển đổi số",
     "description": "Có người phụ trách công nghệ thông tin; cán bộ quản lý, nhân viên được bồi dưỡng kỹ năng số. Chấm 0–10 điểm.",
     "kind": "points",
     "maxPoints": 10,
     "options": [],
     "evidence": "Quyết định phân công người phụ trách CNTT; danh sách cán bộ quản lý, nhân viên được bồi dưỡng kỹ năng số.",
     "unconfirmed": true
    }
   ]
  }
 ]
}$json$::jsonb
);

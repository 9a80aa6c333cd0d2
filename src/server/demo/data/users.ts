import { DEMO_EMAIL_DOMAIN } from './school-factory.ts';
import type { DemoUser } from './types.ts';

/**
 * Demo logins, at least one per role. The people are invented: names are common
 * Vietnamese name combinations (family name first) and belong to no real person.
 * Only 'moi.capphep' must change its password, to demonstrate the forced change.
 */
export function buildUsers(): DemoUser[] {
  return [
    user('admin', 'Võ Thanh Tâm', [['system_admin', 'tinh-quang-ngai']], {
      vi: 'Quản trị hệ thống: cấu hình loại đơn vị, cây tổ chức, tài khoản và phân quyền toàn tỉnh.',
      en: 'System administrator: configures unit types, the organisation tree, accounts and roles province-wide.',
    }),
    user('so.lanhdao', 'Nguyễn Thị Hồng Vân', [['department_leader', 'tinh-quang-ngai']], {
      vi: 'Lãnh đạo Sở GDĐT: xem báo cáo, bảng điều hành và phê duyệt trên toàn tỉnh.',
      en: 'Department leader: sees reports and dashboards and approves across the whole province.',
    }),
    user('so.tuyensinh', 'Trần Minh Đức', [['department_admissions_officer', 'tinh-quang-ngai']], {
      vi: 'Chuyên viên tuyển sinh của Sở: cấu hình và theo dõi tuyển sinh lớp 10 toàn tỉnh.',
      en: 'Department admissions officer: configures and monitors grade-10 admissions province-wide.',
    }),
    user('so.gdtrh', 'Huỳnh Thị Thu Hà', [['department_staff', 'so-gdtrh']], {
      vi: 'Chuyên viên Phòng Giáo dục Trung học của Sở.',
      en: 'Staff member of the Department’s Secondary Education division.',
    }),
    user('so.gdmnth', 'Đặng Văn Lộc', [['department_staff', 'so-gdmn-th']], {
      vi: 'Chuyên viên Phòng Giáo dục Mầm non – Tiểu học của Sở.',
      en: 'Staff member of the Department’s Preschool and Primary Education division.',
    }),
    user('xa.tinhkhe', 'Phan Thị Ngọc Lan', [['commune_education_officer', 'xa-tinh-khe']], {
      vi: 'Cán bộ giáo dục xã Tịnh Khê (vùng Quảng Ngãi cũ): quản lý các trường mầm non, tiểu học, THCS của xã.',
      en: 'Education officer of Tịnh Khê commune (former Quảng Ngãi): oversees its preschools, primary and lower-secondary schools.',
    }),
    user('xa.dakha', 'Lương Văn Sang', [['commune_education_officer', 'xa-dak-ha']], {
      vi: 'Cán bộ giáo dục xã Đăk Hà (vùng Kon Tum cũ), có trường PTDTBT và trường đã sáp nhập.',
      en: 'Education officer of Đăk Hà commune (former Kon Tum), with a semi-boarding ethnic school and a merged school.',
    }),
    user('xa.kontum', 'Tạ Thị Kim Oanh', [['commune_education_officer', 'phuong-kon-tum']], {
      vi: 'Cán bộ giáo dục phường Kon Tum: có trường đã đổi tên (Trường Tiểu học Kim Đồng).',
      en: 'Education officer of Kon Tum ward: includes a renamed school (Kim Đồng primary).',
    }),
    user('ht.tranquoctuan', 'Bùi Quốc Hưng', [['principal', 'truong-thpt-tran-quoc-tuan']], {
      vi: 'Hiệu trưởng Trường THPT Trần Quốc Tuấn: xử lý hồ sơ tuyển sinh lớp 10, báo cáo, tự đánh giá chuyển đổi số.',
      en: 'Principal of Trần Quốc Tuấn upper-secondary school: grade-10 applications, reports, DX self-assessment.',
    }),
    user('gv.tranquoctuan', 'Lê Thị Mỹ Duyên', [['teacher', 'truong-thpt-tran-quoc-tuan']], {
      vi: 'Giáo viên Trường THPT Trần Quốc Tuấn: học liệu số, kế hoạch bài dạy.',
      en: 'Teacher at Trần Quốc Tuấn upper-secondary school: digital learning materials, lesson plans.',
    }),
    user('gv.thptkontum', 'Y Hương', [['teacher', 'truong-thpt-kon-tum']], {
      vi: 'Giáo viên Trường THPT Kon Tum (vùng Kon Tum cũ): tìm và dùng học liệu của trường khác.',
      en: 'Teacher at Kon Tum upper-secondary school (former Kon Tum): finds and uses other schools’ materials.',
    }),
    user('ht.thso1tinhkhe', 'Nguyễn Văn Thành', [['principal', 'truong-tieu-hoc-so-1-tinh-khe']], {
      vi: 'Hiệu trưởng Trường Tiểu học số 1 Tịnh Khê: tuyển sinh lớp 1, báo cáo định kỳ.',
      en: 'Principal of Tịnh Khê No. 1 primary school: grade-1 admissions, periodic reports.',
    }),
    user('cntt.thso1tinhkhe', 'Trương Công Vinh', [['school_it', 'truong-tieu-hoc-so-1-tinh-khe']], {
      vi: 'Cán bộ phụ trách CNTT Trường Tiểu học số 1 Tịnh Khê: tài khoản, thiết bị, an toàn thông tin.',
      en: 'IT staff of Tịnh Khê No. 1 primary school: accounts, devices, information security.',
    }),
    user('ht.thdakha', 'Đinh Thị Thanh Hương', [['principal', 'truong-tieu-hoc-dak-ha']], {
      vi: 'Hiệu trưởng Trường Tiểu học Đăk Hà (vùng Kon Tum cũ).',
      en: 'Principal of Đăk Hà primary school (former Kon Tum).',
    }),
    user(
      'moi.capphep',
      'Hồ Ngọc Anh',
      [['teacher', 'truong-tieu-hoc-dak-ha']],
      {
        vi: 'Giáo viên mới được cấp tài khoản: phải đổi mật khẩu ở lần đăng nhập đầu tiên.',
        en: 'Newly issued teacher account: must change the password at first sign-in.',
      },
      true,
    ),
  ];
}

function user(
  username: string,
  fullName: string,
  grants: [role: string, unitKey: string][],
  description: DemoUser['description'],
  mustChangePassword = false,
): DemoUser {
  return {
    username,
    fullName,
    email: `${username}@${DEMO_EMAIL_DOMAIN}`,
    mustChangePassword,
    grants: grants.map(([role, unitKey]) => ({ role, unitKey })),
    description,
  };
}

/**
 * What citizens write and what agencies answer, per field. Placeholders: {v} the
 * village as written in a sentence ("thôn Đình"), {c} the commune ("xã Quang Sơn"),
 * {n} and {m} small numbers (plot, map sheet, households, metres).
 */
import type { Random } from "./random";

export const CONTENT: Record<string, string[]> = {
  "dat-dai": [
    "Đề nghị xem xét cấp giấy chứng nhận quyền sử dụng đất cho hộ gia đình tại {v}, {c} (thửa đất số {n}, tờ bản đồ số {m}); hồ sơ đã nộp từ lâu nhưng chưa được giải quyết.",
    "Phản ánh việc hộ liền kề lấn chiếm ranh giới đất ở tại {v}, {c}, đề nghị đo đạc, xác định lại mốc giới.",
    "Đề nghị làm rõ việc chuyển mục đích sử dụng đất nông nghiệp sang đất ở của một số hộ tại {v}, {c}.",
    "Đề nghị xem xét bồi thường, hỗ trợ thỏa đáng khi thu hồi đất làm đường giao thông qua {v}, {c}.",
    "Phản ánh việc xây dựng nhà trái phép trên đất nông nghiệp tại khu đồng {v}, {c}.",
    "Đề nghị điều chỉnh sai sót diện tích trên giấy chứng nhận quyền sử dụng đất của hộ gia đình tại {v}, {c}.",
  ],
  "moi-truong": [
    "Phản ánh tình trạng xả rác thải, nước thải gây ô nhiễm tại kênh mương {v}, {c}.",
    "Phản ánh mùi hôi từ trang trại chăn nuôi lợn gần khu dân cư {v}, {c}, đề nghị kiểm tra, xử lý.",
    "Đề nghị bố trí thêm điểm tập kết và tăng tần suất thu gom rác thải sinh hoạt tại {v}, {c}.",
    "Phản ánh tình trạng đốt rơm rạ sau thu hoạch gây khói bụi ảnh hưởng sức khỏe người dân {v}, {c}.",
    "Phản ánh xe chở vật liệu xây dựng làm rơi vãi đất cát, gây bụi trên tuyến đường qua {v}, {c}.",
  ],
  "chinh-sach-xa-hoi": [
    "Đề nghị xem xét công nhận hộ cận nghèo cho hộ gia đình có hoàn cảnh khó khăn tại {v}, {c}.",
    "Đề nghị giải quyết chế độ trợ cấp xã hội hằng tháng cho người cao tuổi trên 80 tuổi tại {v}, {c}.",
    "Đề nghị xem xét chế độ chính sách cho người có công với cách mạng tại {v}, {c}; hồ sơ đã nộp nhưng chưa có kết quả.",
    "Đề nghị hỗ trợ sửa chữa nhà ở cho hộ gia đình chính sách có nhà dột nát tại {v}, {c}.",
    "Đề nghị rà soát lại việc bình xét hộ nghèo năm nay tại {v}, {c} cho công khai, đúng đối tượng.",
  ],
  "ha-tang-giao-thong": [
    "Đề nghị sửa chữa tuyến đường liên thôn từ {v} đi trung tâm {c} bị xuống cấp, nhiều ổ gà.",
    "Đề nghị lắp đặt hệ thống đèn chiếu sáng trên tuyến đường trục chính {v}, {c}.",
    "Đề nghị nạo vét, kiên cố hóa kênh mương nội đồng {v}, {c} để bảo đảm nước tưới cho vụ tới.",
    "Đề nghị khắc phục điện yếu, mất điện thường xuyên tại {v}, {c}.",
    "Đề nghị lắp đặt biển báo, gờ giảm tốc tại điểm giao cắt nguy hiểm đầu {v}, {c}.",
    "Đề nghị đầu tư xây dựng cầu tràn qua suối {v}, {c} để đi lại an toàn trong mùa mưa lũ.",
  ],
  "an-ninh-trat-tu": [
    "Phản ánh tình trạng thanh thiếu niên tụ tập, đua xe gây mất trật tự vào ban đêm tại {v}, {c}.",
    "Phản ánh tình trạng trộm cắp gia súc, gia cầm xảy ra nhiều lần tại {v}, {c}, đề nghị tăng cường tuần tra.",
    "Phản ánh dấu hiệu tổ chức đánh bạc, cho vay lãi nặng tại {v}, {c}.",
    "Đề nghị xử lý tình trạng hát karaoke gây ồn ào quá 22 giờ tại khu dân cư {v}, {c}.",
  ],
  "can-bo-dang-vien": [
    "Phản ánh thái độ làm việc chưa đúng mực của cán bộ tiếp nhận hồ sơ tại bộ phận một cửa {c}.",
    "Đề nghị làm rõ việc thu, chi các khoản đóng góp xây dựng nhà văn hóa {v}, {c}.",
    "Phản ánh cán bộ thôn chậm trễ trong việc xác nhận hồ sơ cho người dân {v}, {c}.",
    "Đề nghị công khai kết quả bình xét thi đua và các khoản hỗ trợ tại {v}, {c}.",
  ],
  "y-te": [
    "Đề nghị bố trí thêm bác sĩ và thuốc bảo hiểm y tế tại Trạm Y tế {c}.",
    "Đề nghị tổ chức phun thuốc phòng chống sốt xuất huyết tại {v}, {c}.",
    "Phản ánh cơ sở kinh doanh thực phẩm không bảo đảm vệ sinh an toàn thực phẩm tại {v}, {c}.",
    "Đề nghị tổ chức khám sức khỏe định kỳ cho người cao tuổi tại {v}, {c}.",
  ],
  "giao-duc": [
    "Đề nghị sửa chữa phòng học xuống cấp tại điểm trường mầm non {v}, {c}.",
    "Phản ánh các khoản thu đầu năm học tại trường tiểu học {c} chưa công khai, đề nghị làm rõ.",
    "Đề nghị bố trí xe đưa đón hoặc hỗ trợ đi lại cho học sinh {v} đến trường trung tâm {c}.",
    "Đề nghị bảo đảm an toàn giao thông khu vực cổng trường giờ tan học tại {c}.",
  ],
  "kinh-te-viec-lam": [
    "Đề nghị hỗ trợ giống, vật tư nông nghiệp cho các hộ bị thiệt hại do mưa bão tại {v}, {c}.",
    "Đề nghị tổ chức lớp dạy nghề, giới thiệu việc làm cho lao động nông thôn {v}, {c}.",
    "Đề nghị hỗ trợ tiêu thụ nông sản cho bà con {v}, {c} khi giá xuống thấp.",
    "Đề nghị tạo điều kiện vay vốn ưu đãi phát triển sản xuất cho hộ gia đình tại {v}, {c}.",
  ],
  khac: [
    "Đề nghị tăng cường phủ sóng điện thoại di động, internet tại {v}, {c}.",
    "Đề nghị hướng dẫn thủ tục làm căn cước và định danh điện tử cho người cao tuổi tại {v}, {c}.",
    "Đề nghị hỗ trợ kinh phí tu sửa nhà văn hóa {v}, {c}.",
    "Đề nghị giải quyết dứt điểm việc cấp nước sạch sinh hoạt cho các hộ dân {v}, {c}.",
  ],
};

/** What a settled case says was done. */
const SETTLED: Record<string, string[]> = {
  "dat-dai": ["đã hoàn thiện hồ sơ và cấp giấy chứng nhận quyền sử dụng đất cho hộ gia đình", "đã đo đạc, cắm lại mốc giới; các hộ liên quan thống nhất ký biên bản"],
  "moi-truong": ["đã yêu cầu cơ sở chấm dứt việc xả thải, tổ chức thu gom, xử lý rác thải tồn đọng", "đã xử phạt vi phạm hành chính và yêu cầu cam kết bảo vệ môi trường"],
  "chinh-sach-xa-hoi": ["đã hoàn thiện hồ sơ, giải quyết chế độ cho đối tượng theo quy định", "đã rà soát, bổ sung hộ gia đình vào danh sách hỗ trợ"],
  "ha-tang-giao-thong": ["đã bố trí kinh phí và hoàn thành sửa chữa", "đã phối hợp với đơn vị quản lý khắc phục xong"],
  "an-ninh-trat-tu": ["đã tăng cường tuần tra, xử lý các đối tượng vi phạm; tình hình đã ổn định", "đã triệu tập, giáo dục các đối tượng và thông báo đến gia đình"],
  "can-bo-dang-vien": ["đã kiểm điểm, chấn chỉnh cán bộ liên quan và công khai kết quả", "đã công khai đầy đủ các khoản thu, chi tại nhà văn hóa"],
  "y-te": ["đã bổ sung nhân lực, thuốc và tổ chức thực hiện", "đã kiểm tra, xử lý cơ sở vi phạm"],
  "giao-duc": ["đã sửa chữa xong và bảo đảm điều kiện học tập", "đã công khai, điều chỉnh các khoản thu theo đúng quy định"],
  "kinh-te-viec-lam": ["đã hỗ trợ giống, vật tư cho các hộ bị thiệt hại", "đã tổ chức lớp đào tạo nghề và giới thiệu việc làm"],
  khac: ["đã phối hợp với đơn vị liên quan khắc phục xong", "đã hướng dẫn và hoàn thành thủ tục cho công dân"],
};

/** What an explained case tells the citizen. */
const EXPLAINED: Record<string, string[]> = {
  "dat-dai": ["thửa đất nằm trong quy hoạch đất giao thông nên chưa đủ điều kiện cấp giấy chứng nhận theo Luật Đất đai năm 2024", "việc chuyển mục đích sử dụng đất của các hộ đã được cấp có thẩm quyền cho phép, đúng quy định"],
  "moi-truong": ["cơ sở đã có giấy phép môi trường; cơ quan chức năng sẽ tiếp tục giám sát định kỳ", "việc thu gom rác thải do đơn vị dịch vụ thực hiện theo hợp đồng với xã; đã đề nghị tăng tần suất"],
  "chinh-sach-xa-hoi": ["hộ gia đình chưa đáp ứng tiêu chí theo chuẩn nghèo đa chiều hiện hành", "hồ sơ còn thiếu giấy tờ chứng minh; đã hướng dẫn công dân bổ sung"],
  "ha-tang-giao-thong": ["công trình đã được đưa vào kế hoạch đầu tư công trung hạn, dự kiến triển khai năm sau", "nguồn kinh phí năm nay đã phân bổ hết; sẽ ưu tiên bố trí trong năm tới"],
  "an-ninh-trat-tu": ["qua xác minh chưa phát hiện dấu hiệu vi phạm; công an tiếp tục theo dõi", "vụ việc đang được điều tra theo quy định, chưa thể công bố kết quả"],
  "can-bo-dang-vien": ["qua kiểm tra, cán bộ thực hiện đúng quy trình, thời hạn theo quy định", "các khoản thu, chi đã được thôn công khai tại hội nghị và niêm yết"],
  "y-te": ["việc bố trí nhân lực thực hiện theo kế hoạch của ngành y tế; đã đề nghị bổ sung", "chưa ghi nhận ổ dịch trên địa bàn; đã hướng dẫn người dân vệ sinh môi trường"],
  "giao-duc": ["các khoản thu đều được Ban đại diện cha mẹ học sinh thống nhất, đúng quy định", "việc sửa chữa đã có trong kế hoạch của ngành giáo dục"],
  "kinh-te-viec-lam": ["chính sách hỗ trợ chỉ áp dụng cho diện tích thiệt hại trên 30%", "đã giới thiệu công dân đến Ngân hàng Chính sách xã hội để được hướng dẫn"],
  khac: ["việc này thuộc trách nhiệm của doanh nghiệp cung cấp dịch vụ; đã chuyển kiến nghị đến doanh nghiệp", "đã hướng dẫn công dân thực hiện thủ tục theo quy định"],
};

export const REJECTION_REASONS = [
  "Không thuộc thẩm quyền giải quyết; là tranh chấp dân sự giữa các hộ gia đình, đã hướng dẫn hòa giải tại cơ sở.",
  "Không thuộc thẩm quyền giải quyết; đã hướng dẫn công dân gửi đơn đến Tòa án nhân dân có thẩm quyền.",
  "Không thuộc thẩm quyền giải quyết; vụ việc đã có bản án có hiệu lực pháp luật.",
  "Không thuộc thẩm quyền giải quyết; đơn không rõ nội dung, không có căn cứ để xác minh.",
];

export interface TextPlaces {
  village: string;
  commune: string;
}

export function fill(template: string, rng: Random, at: TextPlaces): string {
  return template
    .replaceAll("{v}", at.village)
    .replaceAll("{c}", at.commune)
    .replace("{n}", String(rng.int(12, 980)))
    .replace("{m}", String(rng.int(1, 48)));
}

export function replyText(fieldCode: string, settled: boolean, agency: string, rng: Random, at: TextPlaces): string {
  if (settled) {
    return `${agency} đã phối hợp với UBND ${at.commune} kiểm tra thực tế tại ${at.village}, ${rng.pick(SETTLED[fieldCode])}. Vụ việc đã được giải quyết dứt điểm.`;
  }
  return `${agency} đã có văn bản trả lời, giải thích cho công dân: ${rng.pick(EXPLAINED[fieldCode])}.`;
}

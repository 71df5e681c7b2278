import Foundation
public enum TestSupportModule {}

// Tests for Status and Result.
#include "pipeline/status.h"

#include <gtest/gtest.h>

namespace vanban {

TEST(Status, OkByDefault) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.ToString(), "OK");
}

TEST(Status, ErrorsCarryCodeAndMessage) {
  Status s = Status::InvalidInput("invalid UTF-8 at byte 3");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kInvalidInput);
  EXPECT_EQ(s.ToString(), "invalid-input: invalid UTF-8 at byte 3");
  EXPECT_EQ(Status::Encrypted("x").ToString(), "encrypted: x");
  EXPECT_EQ(Status::TooLarge("").ToString(), "too-large");
}

TEST(Result, HoldsValueOrError) {
  Result<int> good(42);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(good.value(), 42);
  Result<int> bad(Status::NotFound("no such file"));
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kNotFound);
}

}  // namespace vanban
